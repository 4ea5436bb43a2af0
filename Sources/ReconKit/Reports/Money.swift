/// An exact amount of money in millionths (10⁻⁶) of a currency unit.
///
/// Amounts are read from a JSON number's text and never pass through a binary
/// floating-point value; see SPEC §4 for the rounding and printing rules.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in millionths of a unit.
    public let micros: Int64

    public static let zero = Money(micros: 0)
    static let microsPerUnit: Int64 = 1_000_000

    public init(micros: Int64) { self.micros = micros }

    /// The outcome of reading a JSON number as money.
    public enum ParseResult: Equatable, Sendable {
        case value(Money)
        case notANumber
        case outOfRange
    }

    /// Reads a JSON number's text, rounding half-to-even to 6 decimal places.
    public static func parse(_ text: String) -> ParseResult {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    /// Reads a JSON number's bytes, rounding half-to-even to 6 decimal places.
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> ParseResult {
        guard let number = JSONNumberText(bytes) else { return .notANumber }
        return number.scaled(toDecimals: 6).map { .value(Money(micros: $0)) } ?? .outOfRange
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.micros < rhs.micros }

    /// Two decimals for whole cents, otherwise the fewest decimals (3…6) that are exact.
    public var description: String { Self.format(micros: Int128(micros)) }

    /// Formats an amount of millionths (also sums beyond `Int64`) per SPEC §4.
    static func format(micros: Int128) -> String {
        var bytes: [UInt8] = []
        append(micros: micros, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the printed amount of millionths to `bytes`: a `-` when negative, the whole
    /// units, then two decimals for whole cents, otherwise the fewest decimals (3…6) that are exact.
    static func append(micros: Int128, to bytes: inout [UInt8]) {
        if micros < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = micros.magnitude
        if let whole = UInt64(exactly: magnitude / 1_000_000) {
            DecimalDigits.append(whole, to: &bytes)
        } else {
            bytes.append(contentsOf: String(magnitude / 1_000_000).utf8)
        }
        bytes.append(UInt8(ascii: "."))
        var fraction = Int(magnitude % 1_000_000)
        var decimals = 6
        if fraction % 10_000 == 0 {
            (fraction, decimals) = (fraction / 10_000, 2)
        } else {
            while decimals > 3, fraction % 10 == 0 { (fraction, decimals) = (fraction / 10, decimals - 1) }
        }
        DecimalDigits.append(UInt64(fraction), width: decimals, to: &bytes)
    }
}

/// A sum of money in millionths, wide enough that no realistic sum overflows.
public struct MoneyTotal: Hashable, Sendable, CustomStringConvertible {
    public private(set) var micros: Int128 = 0

    public init() {}

    public init(micros: Int128) { self.micros = micros }

    public mutating func add(_ money: Money) { micros += Int128(money.micros) }

    public mutating func add(_ total: MoneyTotal) { micros += total.micros }

    public var description: String { Money.format(micros: micros) }

    /// Reads a printed amount back exactly, in 128 bits (a total may be far beyond `Int64`).
    static func parse(_ text: String) -> MoneyTotal? {
        var text = text
        return text.withUTF8 { JSONNumberText(UnsafeRawBufferPointer($0))?.scaled(toDecimals: 6, as: Int128.self) }
            .map { MoneyTotal(micros: $0) }
    }
}
