/// A JSON value written with keys in the given order, for byte-identical output.
indirect enum JSONText {
    case object([(String, JSONText)])
    case array([JSONText])
    case string(String)
    case integer(Int128)
    case bool(Bool)
    case null

    static func int(_ value: Int) -> JSONText { .integer(Int128(value)) }

    /// Pretty-printed with two-space indentation.
    func rendered(indent: String = "") -> String {
        var text = ""
        render(into: &text, indent: indent, pretty: true)
        return text
    }

    /// Single-line form (for JSONL).
    var compact: String {
        var text = ""
        render(into: &text, indent: "", pretty: false)
        return text
    }

    /// Appends the value to `text`: nested values are written into the same buffer, so a large
    /// summary is built in one pass rather than joined level by level.
    private func render(into text: inout String, indent: String, pretty: Bool) {
        let inner = pretty ? indent + "  " : ""
        switch self {
        case let .object(members):
            if members.isEmpty { text += "{}"; return }
            text += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { text += "," }
                if pretty { text += "\n"; text += inner }
                Self.appendQuoted(key, to: &text)
                text += pretty ? ": " : ":"
                value.render(into: &text, indent: inner, pretty: pretty)
            }
            if pretty { text += "\n"; text += indent }
            text += "}"
        case let .array(items):
            if items.isEmpty { text += "[]"; return }
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                if pretty { text += "\n"; text += inner }
                item.render(into: &text, indent: inner, pretty: pretty)
            }
            if pretty { text += "\n"; text += indent }
            text += "]"
        case let .string(value): Self.appendQuoted(value, to: &text)
        case let .integer(value): text += String(value)
        case let .bool(value): text += value ? "true" : "false"
        case .null: text += "null"
        }
    }

    /// A JSON string literal; non-ASCII text is kept as UTF-8.
    static func quoted(_ text: String) -> String {
        var result = ""
        appendQuoted(text, to: &result)
        return result
    }

    private static func appendQuoted(_ text: String, to result: inout String) {
        result += "\""
        // Most text needs no escape (0xE2 starts U+2028 and U+2029, so it takes the slow path).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            result += text
            result += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result += "\""
    }
}
