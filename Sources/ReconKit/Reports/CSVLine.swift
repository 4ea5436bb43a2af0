/// One CSV line built as bytes: RFC 4180 minimal quoting (only fields holding `,`, `"`,
/// CR or LF are quoted), LF line end. Reused from line to line without allocating.
struct CSVLine {
    private(set) var bytes: [UInt8] = []
    private var isEmpty = true

    /// First bytes that make a spreadsheet evaluate a cell as a formula: `=`, `+`, `-`, `@`, TAB, CR.
    private static let formulaStarts: [UInt8] = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// Starts a new line.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        isEmpty = true
    }

    /// Appends a field; with `defused`, text that starts like a formula gets a `'` in front.
    mutating func append(_ field: UnsafeRawBufferPointer, defused: Bool = false) {
        if !isEmpty { bytes.append(0x2C) }
        isEmpty = false
        let quoted = field.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        if quoted { bytes.append(0x22) }
        if defused, let first = field.first, Self.formulaStarts.contains(first) { bytes.append(0x27) }
        if quoted {
            for byte in field {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: field)
        }
    }

    mutating func append(_ text: String, defused: Bool = false) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0), defused: defused) }
    }

    /// Ends the line with LF.
    mutating func end() { bytes.append(0x0A) }

    /// The fields as one CSV line, LF included.
    static func text(_ fields: [String], defused: (Int) -> Bool = { _ in false }) -> String {
        var line = CSVLine()
        for (index, field) in fields.enumerated() { line.append(field, defused: defused(index)) }
        line.end()
        return String(decoding: line.bytes, as: UTF8.self)
    }
}
