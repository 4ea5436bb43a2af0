import Testing
@testable import ReconKit

@Suite("Decimal digits")
struct DecimalDigitsTests {
    private func printed(_ value: UInt64, width: Int = 1) -> String {
        var bytes: [UInt8] = Array("x".utf8)
        DecimalDigits.append(value, width: width, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("digits are appended after what is there, padded to the width")
    func padding() {
        #expect(printed(0) == "x0")
        #expect(printed(7, width: 2) == "x07")
        #expect(printed(5, width: 4) == "x0005")
        #expect(printed(0, width: 6) == "x000000")
        #expect(printed(12345, width: 2) == "x12345")
        #expect(printed(UInt64.max) == "x18446744073709551615")
        #expect(printed(UInt64.max, width: 30) == "x000000000018446744073709551615")
    }

    @Test("dates at the ends of the accepted years print with 4-digit years")
    func dates() {
        #expect(CalendarDay(year: 1, month: 1, day: 1)?.description == "0001-01-01")
        #expect(CalendarDay(year: 999, month: 3, day: 9)?.description == "0999-03-09")
        #expect(CalendarDay(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
    }
}
