import Testing
@testable import ReconKit

@Suite("Money")
struct MoneyTests {
    // Each expected value was worked out by hand from the SPEC §4 rules.
    static let printing: [(String, String)] = [
        ("53.13", "53.13"),
        ("0.5", "0.50"),
        ("1e2", "100.00"),
        ("53.129999999999995", "53.13"),
        ("0.0000005", "0.00"),       // half-to-even: 0.5 micro rounds to 0
        ("0.0000015", "0.000002"),   // 1.5 micro rounds to 2
        ("0.0000025", "0.000002"),   // 2.5 micro rounds to 2
        ("0.0000025000001", "0.000003"),
        ("-0", "0.00"),
        ("-0.0", "0.00"),
        ("-1.005", "-1.005"),
        ("-12.5", "-12.50"),
        ("0.123", "0.123"),
        ("0.1234", "0.1234"),
        ("0.12345", "0.12345"),
        ("0.123456", "0.123456"),
        ("0.1234565", "0.123456"),
        ("0.1234575", "0.123458"),
        ("1.10", "1.10"),
        ("1.100", "1.10"),
        ("1.001", "1.001"),
        ("25E-1", "2.50"),
        ("1.5e+3", "1500.00"),
        ("123456789", "123456789.00"),
        ("9223372036854.775807", "9223372036854.775807"),
        ("1e-400", "0.00"),
    ]

    @Test("parses and prints", arguments: printing)
    func parseAndPrint(text: String, expected: String) throws {
        guard case let .value(money) = Money.parse(text) else {
            Issue.record("\(text) did not parse")
            return
        }
        #expect(money.description == expected)
    }

    @Test("rejects what is not a JSON number", arguments: ["00012", "12.", ".5", "+1", "1e", "--1", "1.2.3", "", "0x10", "NaN"])
    func notANumber(text: String) {
        #expect(Money.parse(text) == .notANumber)
    }

    @Test("detects overflow instead of wrapping", arguments: ["1e400", "9223372036855", "-9223372036855", "1e13"])
    func overflow(text: String) {
        #expect(Money.parse(text) == .outOfRange)
    }

    @Test("sums exactly where binary floating point would drift")
    func exactSum() {
        var total = MoneyTotal()
        for _ in 0..<10 {
            if case let .value(money) = Money.parse("0.1") { total.add(money) }
        }
        #expect(total.description == "1.00")
        #expect(total.micros == 1_000_000)
    }

    @Test("rates are printed with 6 decimals, half-to-even, and 0 for a zero total")
    func rates() {
        #expect(Rate.of(MoneyTotal(micros: 1), MoneyTotal(micros: 3)).description == "0.333333")
        #expect(Rate.of(MoneyTotal(micros: 2), MoneyTotal(micros: 3)).description == "0.666667")
        #expect(Rate.of(MoneyTotal(micros: 1), MoneyTotal(micros: 2_000_000)).description == "0.000000")
        #expect(Rate.of(MoneyTotal(micros: 3), MoneyTotal(micros: 2_000_000)).description == "0.000002")
        #expect(Rate.of(MoneyTotal(micros: 5), MoneyTotal(micros: 0)).description == "0.000000")
        #expect(Rate.of(MoneyTotal(micros: -1), MoneyTotal(micros: 4)).description == "-0.250000")
        #expect(Rate.parse("0.05")?.millionths == 50_000)
    }
}
