/// The parts of a JSON number's text: sign, digits and decimal exponent.
///
/// Checks the JSON grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`)
/// and scales the value to a fixed number of decimals exactly, without any
/// floating-point step.
struct JSONNumberText {
    let bytes: UnsafeRawBufferPointer
    let negative: Bool
    let integerDigits: Range<Int>
    let fractionDigits: Range<Int>
    /// The written exponent, saturated at ±2⁶⁰: far beyond any digit count a text can have, so
    /// the saturation never changes a value (it is still exactly 0 or out of range).
    let exponent: Int
    private static let exponentBound = 1 << 60

    /// True when the text has neither a fraction nor an exponent.
    var isInteger: Bool { fractionDigits.isEmpty && !hasExponent }
    let hasExponent: Bool

    /// The value of the commonest number in an export, a plain non-negative integer of at most
    /// 18 digits without a leading zero (`0`, `17`, `4821`); nil for any other text, which then
    /// takes the general path.
    static func plainInteger(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 18, bytes.count == 1 || bytes[0] != UInt8(ascii: "0") else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }

    init?(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        var index = 0
        let end = bytes.count
        negative = index < end && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let integerStart = index
        while index < end, bytes[index] &- 48 < 10 { index += 1 }
        integerDigits = integerStart..<index
        if integerDigits.isEmpty { return nil }
        if integerDigits.count > 1, bytes[integerStart] == UInt8(ascii: "0") { return nil }
        var fractionStart = index
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionStart = index
            while index < end, bytes[index] &- 48 < 10 { index += 1 }
            if index == fractionStart { return nil }
        }
        fractionDigits = fractionStart..<index
        var exponent = 0
        hasExponent = index < end && (bytes[index] | 0x20) == UInt8(ascii: "e")
        if hasExponent {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            while index < end, bytes[index] &- 48 < 10 {
                exponent = exponent >= Self.exponentBound / 10
                    ? Self.exponentBound : min(exponent * 10 + Int(bytes[index] - 48), Self.exponentBound)
                index += 1
            }
            if index == exponentStart { return nil }
            if exponentNegative { exponent = -exponent }
        }
        self.exponent = exponent
        if index != end { return nil }
    }

    private var digitCount: Int { integerDigits.count + fractionDigits.count }

    private func digit<Value: FixedWidthInteger>(_ position: Int) -> Value {
        let offset = position < integerDigits.count
            ? integerDigits.lowerBound + position
            : fractionDigits.lowerBound + position - integerDigits.count
        return Value(bytes[offset] - 48)
    }

    /// The value times 10^decimals, rounded half-to-even; nil if it overflows `Int64`.
    func scaled(toDecimals decimals: Int) -> Int64? { scaled(toDecimals: decimals, as: Int64.self) }

    /// The value times 10^decimals as `Value`, rounded half-to-even; nil if it overflows.
    func scaled<Value: FixedWidthInteger & SignedInteger>(toDecimals decimals: Int, as _: Value.Type) -> Value? {
        let shift = exponent - fractionDigits.count + decimals
        let count = digitCount
        let keptCount = shift >= 0 ? count : max(0, count + shift)
        var value: Value = 0
        for position in 0..<keptCount {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit(position))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        if shift > 0, value != 0 {
            for _ in 0..<shift {
                let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                value = times10
            }
        } else if shift < 0, keptCount < count, count + shift >= 0 {
            // The first dropped digit decides; an implicit leading zero (count + shift < 0) rounds down.
            let firstDropped: Value = digit(keptCount)
            let restNonZero = ((keptCount + 1)..<count).contains { (digit($0) as Value) != 0 }
            if firstDropped > 5 || (firstDropped == 5 && (restNonZero || value % 2 == 1)) {
                let (rounded, overflow) = value.addingReportingOverflow(1)
                if overflow { return nil }
                value = rounded
            }
        }
        return negative ? -value : value
    }
}
