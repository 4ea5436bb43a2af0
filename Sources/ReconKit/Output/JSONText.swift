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
        let inner = indent + "  "
        switch self {
        case let .object(members):
            if members.isEmpty { return "{}" }
            let body = members.map { "\(inner)\(Self.quoted($0.0)): \($0.1.rendered(indent: inner))" }
            return "{\n" + body.joined(separator: ",\n") + "\n\(indent)}"
        case let .array(items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case let .string(text): return Self.quoted(text)
        case let .integer(value): return String(value)
        case let .bool(value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    /// Single-line form (for JSONL).
    var compact: String {
        switch self {
        case let .object(members):
            "{" + members.map { "\(Self.quoted($0.0)):\($0.1.compact)" }.joined(separator: ",") + "}"
        case let .array(items): "[" + items.map(\.compact).joined(separator: ",") + "]"
        default: rendered()
        }
    }

    /// A JSON string literal; non-ASCII text is kept as UTF-8.
    static func quoted(_ text: String) -> String {
        var result = "\""
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
        return result + "\""
    }
}
