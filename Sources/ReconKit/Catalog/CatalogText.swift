/// Turns a catalog file's bytes into UTF-8 CSV text and fields into strings.
enum CatalogText {
    /// Strips a UTF-8 BOM; transcodes UTF-16 text that starts with a BOM.
    static func utf8Text(_ bytes: consuming [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            // In place: the array is this function's own, so no second copy of the file is made.
            var text = bytes
            text.removeFirst(3)
            return text
        }
        let littleEndian = bytes.starts(with: [0xFF, 0xFE])
        guard littleEndian || bytes.starts(with: [0xFE, 0xFF]) else { return bytes }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Decodes a field as UTF-8; text that is not valid UTF-8 is read as Windows-1252.
    static func decode(_ field: UnsafeRawBufferPointer) -> (text: String, wasValidUTF8: Bool) {
        if UTF8Validation.isValid(field) { return (String(decoding: field, as: UTF8.self), true) }
        var scalars = String.UnicodeScalarView()
        for byte in field { scalars.append(windows1252(byte)) }
        return (String(scalars), false)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    private static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
        return Unicode.Scalar(value)!
    }

    /// The delimiter among `,` `;` TAB that occurs most in the first line (ties in that order).
    static func detectDelimiter(_ text: [UInt8]) -> UInt8 {
        let firstLine = text.withUnsafeBytes { text[0..<CSVRecordReader.endOfLine($0, from: 0)] }
        var best: (delimiter: UInt8, count: Int) = (UInt8(ascii: ","), 0)
        for candidate in [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09] {
            let count = firstLine.count { $0 == candidate }
            if count > best.count { best = (candidate, count) }
        }
        return best.delimiter
    }
}
