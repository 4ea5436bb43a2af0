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

    /// The gate compares the exact share: 1 of 128 is 0.0078125, printed 0.007812 (half-to-even),
    /// but above a limit of 0.007812. A negative total flips the comparison (both sides negative).
    @Test("the unmatched-rate gate compares the exact share with the limit, not the printed one")
    func exactShareAgainstLimit() {
        let (one, all) = (MoneyTotal(micros: 1_000_000), MoneyTotal(micros: 128_000_000))
        #expect(Rate.of(one, all).description == "0.007812")
        #expect(!Rate.ratio(one, all, isAtMost: Rate(millionths: 7_812)))
        #expect(Rate.ratio(one, all, isAtMost: Rate(millionths: 7_813)))
        let (refund, refunds) = (MoneyTotal(micros: -1_000_000), MoneyTotal(micros: -128_000_000))
        #expect(!Rate.ratio(refund, refunds, isAtMost: Rate(millionths: 7_812)))
        #expect(Rate.ratio(refund, refunds, isAtMost: Rate(millionths: 7_813)))
        #expect(Rate.ratio(refund, all, isAtMost: Rate(millionths: 0)))           // a negative share
        #expect(Rate.ratio(one, MoneyTotal(), isAtMost: Rate(millionths: 0)))     // no spend: 0
        #expect(Rate.ratio(all, all, isAtMost: Rate(millionths: 1_000_000)))      // exactly R
    }

    /// Exponents are never clamped: a value is exact or rejected, never silently another one.
    /// Exponents are never clamped: a value is exact or rejected, never silently another one.
    /// Huge texts are built in the test (`zeros` zeros between the parts) to keep the arguments short.
    static let exponents: [(head: String, zeros: Int, tail: String, expected: Money.ParseResult)] = [
        ("0.", 1_499_999, "1e1500000", .value(Money(micros: 1_000_000))),
        ("1", 1_200_000, "e-1200000", .value(Money(micros: 1_000_000))),
        ("0.0", 0, "e99999999999999999999999", .value(.zero)),
        ("1", 0, "e99999999999999999999999", .outOfRange),
        ("-1", 0, "e1000001", .outOfRange),
        ("1", 0, "e-99999999999999999999999", .value(.zero)),
        ("5", 0, "e-7", .value(.zero)),
        ("15", 0, "e-7", .value(Money(micros: 2))),
    ]

    @Test("an exponent is applied exactly, however large", arguments: exponents)
    func exponent(head: String, zeros: Int, tail: String, expected: Money.ParseResult) {
        #expect(Money.parse(head + String(repeating: "0", count: zeros) + tail) == expected)
    }

    @Test("a 128-bit total prints and reads back exactly: 2,000 rows of 5,000,000,000")
    func largeTotal() throws {
        guard case let .value(row) = Money.parse("5000000000") else { throw MoneyError.unparsed }
        var total = MoneyTotal()
        for _ in 0..<2000 { total.add(row) }
        #expect(total.description == "10000000000000.00")
        #expect(total.micros > Int128(Int64.max))
        #expect(MoneyTotal.parse(total.description) == total)
        #expect(MoneyTotal.parse("-170141183460469231731687303715884.105727") == MoneyTotal(micros: -Int128.max))
        #expect(MoneyTotal.parse("170141183460469231731687303715884.105728") == nil)
    }

    @Test("a share far beyond 1 (refunds that almost cancel the total) does not trap")
    func hugeShare() {
        let share = Rate.of(MoneyTotal(micros: 9_000_000_000_000_000_000), MoneyTotal(micros: 1))
        #expect(share.description == "9000000000000000000.000000")
    }

    @Test("amounts print as the SPEC §4 rule spelled with strings says, from 0 to beyond Int64, either sign")
    func printingMatchesTheRule() {
        // The rule written plainly: whole units, then the six decimals trimmed to two for
        // whole cents, else to the last non-zero digit (at least three).
        func spelled(_ micros: Int128) -> String {
            let whole = String(micros.magnitude / 1_000_000)
            var decimals = String(Int(micros.magnitude % 1_000_000))
            decimals = String(repeating: "0", count: 6 - decimals.count) + decimals
            if decimals.hasSuffix("0000") {
                decimals = String(decimals.prefix(2))
            } else {
                while decimals.count > 3, decimals.hasSuffix("0") { decimals.removeLast() }
            }
            return (micros < 0 ? "-" : "") + whole + "." + decimals
        }
        var generator = SystemRandomNumberGenerator()
        var amounts: [Int128] = [0, 1, -1, 10, 100, 1_000, 10_000, 999_999, 1_000_000, -1_000_010, Int128(Int64.max),
                                 Int128(Int64.min), Int128.max, -Int128.max, Int128(UInt64.max) * 1_000_000 + 7]
        for _ in 0..<2000 {
            let scale = Int128(1) << Int128.random(in: 0...100, using: &generator)
            let micros = Int128.random(in: 0...scale, using: &generator) * (Bool.random(using: &generator) ? 1 : -1)
            // Every fourth one a whole number of cents, or of units, to reach the two-decimal branch.
            let rounding: Int128 = [1, 10_000, 1_000_000, 1][Int.random(in: 0...3, using: &generator)]
            amounts.append(micros / rounding * rounding)
        }
        for micros in amounts {
            #expect(MoneyTotal(micros: micros).description == spelled(micros), "\(micros)")
        }
    }

    private enum MoneyError: Error { case unparsed }
}
