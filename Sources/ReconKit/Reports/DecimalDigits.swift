/// Decimal digits appended to a byte buffer without an intermediate string (the report
/// writers print millions of numbers).
enum DecimalDigits {
    /// Appends `value` in decimal, padded with leading zeros to at least `width` digits.
    static func append(_ value: UInt64, width: Int = 1, to bytes: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for UInt64.max's 20 digits
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[buffer.count - count] = 0x30 + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if width > count { bytes.append(contentsOf: repeatElement(0x30, count: width - count)) }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(buffer.count - count)...]))
        }
    }
}
