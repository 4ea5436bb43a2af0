/// A ratio printed with exactly 6 decimals, rounded half-to-even.
public struct Rate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The ratio in millionths; 128-bit, because a share of a currency total that refunds
    /// almost cancel can be far beyond any 64-bit count of millionths.
    public let millionths: Int128

    public init(millionths: Int128) { self.millionths = millionths }

    /// `part ÷ whole`, or 0 when `whole` is 0 (SPEC §8).
    public static func of(_ part: MoneyTotal, _ whole: MoneyTotal) -> Rate {
        guard whole.micros != 0 else { return Rate(millionths: 0) }
        let numerator = part.micros * 1_000_000
        let denominator = whole.micros
        var quotient = numerator / denominator
        let remainder = numerator % denominator
        let twiceRemainder = remainder.magnitude * 2
        let positive = (numerator < 0) == (denominator < 0)
        if twiceRemainder > denominator.magnitude
            || (twiceRemainder == denominator.magnitude && quotient % 2 != 0) {
            quotient += positive ? 1 : -1
        }
        return Rate(millionths: quotient)
    }

    /// Whether `part ÷ whole`, exactly (not rounded to 6 decimals), is at most `limit`; a whole of 0
    /// counts as a ratio of 0, as in `of`.
    public static func ratio(_ part: MoneyTotal, _ whole: MoneyTotal, isAtMost limit: Rate) -> Bool {
        guard whole.micros != 0 else { return 0 <= limit.millionths }
        let (scaledPart, scaledLimit) = (part.micros * 1_000_000, limit.millionths * whole.micros)
        return whole.micros > 0 ? scaledPart <= scaledLimit : scaledPart >= scaledLimit
    }

    /// Reads a decimal such as `0.05` (any JSON number), rounded to 6 decimals.
    public static func parse(_ text: String) -> Rate? {
        guard case let .value(money) = Money.parse(text) else { return nil }
        return Rate(millionths: Int128(money.micros))
    }

    /// Reads a gate limit: a decimal from 0 to 1 (the one check for the command line and the config file).
    public static func limit(_ text: String) -> Rate? {
        guard let rate = parse(text), (0...1_000_000).contains(rate.millionths) else { return nil }
        return rate
    }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.millionths < rhs.millionths }

    /// As a percentage with one decimal (`12.3%`), for people.
    public var percent: String {
        let tenths = (millionths + (millionths >= 0 ? 500 : -500)) / 1000
        return "\(tenths / 10).\(abs(tenths % 10))%"
    }

    public var description: String {
        let magnitude = millionths.magnitude
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        return (millionths < 0 ? "-" : "") + "\(magnitude / 1_000_000).\(fraction)"
    }
}
