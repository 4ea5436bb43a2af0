/// A JSON document read strictly, for the configuration file.
///
/// Object members keep their order and their duplicates (the reader refuses a repeated
/// key by name), numbers keep their text (a rate never passes through a `Double`), and
/// `true`/`false` are their own kind, never a number.
indirect enum ConfigJSON {
    case object([(key: String, value: ConfigJSON)])
    case array([ConfigJSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// Where and why the text is not JSON.
    struct SyntaxError: Error, Equatable {
        let line: Int
        let reason: String
    }

    /// Nesting deeper than this is refused (a configuration needs three levels).
    static let maximumDepth = 64

    /// Parses a whole document (UTF-8, an optional BOM, white space around the value).
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> ConfigJSON {
        var parser = Parser(bytes: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes)
        return try parser.document()
    }

    /// The kind in words, for messages.
    var kindName: String {
        switch self {
        case .object: "an object"
        case .array: "a list"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}

private struct Parser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0

    mutating func document() throws(ConfigJSON.SyntaxError) -> ConfigJSON {
        let isUTF8 = bytes.withUnsafeBytes { UTF8Validation.isValid($0) }
        guard isUTF8 else { throw ConfigJSON.SyntaxError(line: 1, reason: "not valid UTF-8") }
        skipSpace()
        let result = try value()
        skipSpace()
        if index < bytes.count { throw fail("text after the JSON value") }
        return result
    }

    private func fail(_ reason: String) -> ConfigJSON.SyntaxError {
        ConfigJSON.SyntaxError(line: 1 + bytes[0..<min(index, bytes.count)].count { $0 == 0x0A }, reason: reason)
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func value() throws(ConfigJSON.SyntaxError) -> ConfigJSON {
        guard index < bytes.count else { throw fail("expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try nested { (parser: inout Parser) throws(ConfigJSON.SyntaxError) in try parser.object() }
        case UInt8(ascii: "["): return try nested { (parser: inout Parser) throws(ConfigJSON.SyntaxError) in try parser.array() }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return try number()
        }
    }

    private mutating func nested(
        _ body: (inout Parser) throws(ConfigJSON.SyntaxError) -> ConfigJSON
    ) throws(ConfigJSON.SyntaxError) -> ConfigJSON {
        depth += 1
        defer { depth -= 1 }
        if depth > ConfigJSON.maximumDepth { throw fail("nested too deeply") }
        return try body(&self)
    }

    private mutating func object() throws(ConfigJSON.SyntaxError) -> ConfigJSON {
        index += 1
        var members: [(key: String, value: ConfigJSON)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
            index += 1
            skipSpace()
            members.append((key, try value()))
            skipSpace()
            guard index < bytes.count else { throw fail("object never closes") }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "}") { return .object(members) }
            guard bytes[index - 1] == UInt8(ascii: ",") else { throw fail("expected ',' or '}'") }
        }
    }

    private mutating func array() throws(ConfigJSON.SyntaxError) -> ConfigJSON {
        index += 1
        var items: [ConfigJSON] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard index < bytes.count else { throw fail("list never closes") }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
            guard bytes[index - 1] == UInt8(ascii: ",") else { throw fail("expected ',' or ']'") }
        }
    }

    private mutating func string() throws(ConfigJSON.SyntaxError) -> String {
        let start = index + 1
        index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return bytes[start..<(index - 1)].withUnsafeBytes {
                    String(decoding: JSONStringDecoder.decode($0), as: UTF8.self)
                }
            }
            if byte < 0x20 { throw fail("control character in a string") }
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { break }
                let escaped = bytes[index + 1]
                if escaped == UInt8(ascii: "u") {
                    guard index + 5 < bytes.count,
                          (2...5).allSatisfy({ JSONStringDecoder.hexValue(bytes[index + $0]) != nil })
                    else { throw fail("bad \\u escape") }
                    index += 6
                    continue
                }
                guard Array("\"\\/bfnrt".utf8).contains(escaped) else { throw fail("bad escape") }
                index += 2
                continue
            }
            index += 1
        }
        throw fail("string never closes")
    }

    private mutating func literal(_ word: String, _ result: ConfigJSON) throws(ConfigJSON.SyntaxError) -> ConfigJSON {
        let end = index + word.utf8.count
        guard end <= bytes.count, bytes[index..<end].elementsEqual(word.utf8) else { throw fail("not a JSON value") }
        index = end
        return result
    }

    private mutating func number() throws(ConfigJSON.SyntaxError) -> ConfigJSON {
        let start = index
        while index < bytes.count, Array("0123456789+-.eE".utf8).contains(bytes[index]) { index += 1 }
        let valid = bytes[start..<index].withUnsafeBytes { JSONNumberText($0) != nil }
        guard index > start, valid else { throw fail("not a JSON value") }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }
}
