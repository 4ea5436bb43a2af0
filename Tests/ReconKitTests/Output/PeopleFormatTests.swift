import Testing
@testable import ReconKit

@Suite("Figures for people")
struct PeopleFormatTests {
    @Test("money keeps its exact digits, grouped by three, with the currency code",
          arguments: [("0.00", "0.00 USD"), ("999.50", "999.50 USD"), ("1000.00", "1,000.00 USD"),
                      ("1661.00", "1,661.00 USD"), ("-1234567.123456", "-1,234,567.123456 USD"),
                      ("123456789.001", "123,456,789.001 USD")])
    func money(printed: String, shown: String) {
        #expect(PeopleFormat.money(printed, "USD") == shown)
    }

    @Test("counts are grouped by three")
    func counts() {
        #expect(PeopleFormat.count(0) == "0")
        #expect(PeopleFormat.count(7308) == "7,308")
        #expect(PeopleFormat.count(-1_000_000) == "-1,000,000")
        #expect(PeopleFormat.count("123456") == "123,456")
    }
}
