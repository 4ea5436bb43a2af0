/// One CSV line built as bytes: RFC 4180 minimal quoting (only fields holding `,`, `"`,
/// CR or LF are quoted), LF line end. Reused from line to line without allocating.
/// A NUL byte is never written: it becomes U+FFFD.
struct CSVLine {
    private(set) var bytes: [UInt8] = []
    private var isEmpty = true

    /// Starts a new line.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        isEmpty = true
    }

    /// Appends a field; with `defused`, text that starts like a formula gets a `'` in front.
    mutating func append(_ field: UnsafeRawBufferPointer, defused: Bool = false) {
        if !isEmpty { bytes.append(0x2C) }
        isEmpty = false
        var quoted = false
        var hasNUL = false
        for byte in field {
            switch byte {
            case 0x2C, 0x22, 0x0D, 0x0A: quoted = true
            case 0x00: hasNUL = true
            default: continue
            }
        }
        if quoted { bytes.append(0x22) }
        if defused, FormulaGuard.needsGuard(field) { bytes.append(0x27) }
        if quoted || hasNUL {
            for byte in field {
                switch byte {
                case 0x22: bytes += [0x22, 0x22]
                case 0x00: bytes += [0xEF, 0xBF, 0xBD]
                default: bytes.append(byte)
                }
            }
            if quoted { bytes.append(0x22) }
        } else {
            bytes.append(contentsOf: field)
        }
    }

    mutating func append(_ text: String, defused: Bool = false) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0), defused: defused) }
    }

    /// Appends a typed field; `guarded` says whether its column carries input text (SPEC §13).
    /// Interned text is copied from the pool; counts are printed without an intermediate string.
    mutating func append(_ field: ReportField, guarded: Bool, pool: StringPool) {
        switch field {
        case let .text(text): append(text, defused: guarded)
        case let .pooled(id): pool.withBytes(id) { append($0, defused: guarded) }
        case let .rawIdentifier(id, kind): pool.withBytes(id) { append($0, defused: kind.guards($0)) }
        case let .count(value): appendDigits(value)
        case let .money(value):
            startField()
            Money.append(micros: value.micros, to: &bytes)
        case let .share(value): append(value.description)
        case let .day(day):
            startField()
            day.append(to: &bytes)
        case .empty: append(UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }

    /// Writes the separator before a field that is never quoted or guarded.
    private mutating func startField() {
        if !isEmpty { bytes.append(0x2C) }
        isEmpty = false
    }

    /// Appends an integer's decimal digits (never quoted, never guarded).
    private mutating func appendDigits(_ value: Int128) {
        startField()
        if value < 0 { bytes.append(0x2D) }
        if let small = UInt64(exactly: value.magnitude) {
            DecimalDigits.append(small, to: &bytes)
        } else {
            bytes.append(contentsOf: String(value.magnitude).utf8)
        }
    }

    /// Ends the line with LF; fields appended after it start the next line.
    mutating func end() {
        bytes.append(0x0A)
        isEmpty = true
    }

    /// The header line of `columns`.
    static func header(_ columns: [String]) -> [UInt8] {
        var line = CSVLine()
        for column in columns { line.append(column) }
        line.end()
        return line.bytes
    }

    /// Printed fields as one CSV line, LF included (for files that are not typed reports).
    static func text(_ fields: [String], defused: (Int) -> Bool = { _ in false }) -> String {
        var line = CSVLine()
        for (index, field) in fields.enumerated() { line.append(field, defused: defused(index)) }
        line.end()
        return String(decoding: line.bytes, as: UTF8.self)
    }
}
