/// The kind of a JSON value.
enum JSONKind: UInt8 {
    case string, number, object, array, `true`, `false`, null
}

/// Why a line is not a JSON object.
enum JSONScanFailure: Equatable {
    case notJSON(String)
    case notObject
}

/// A strict, allocation-free JSON scanner for one JSONL line.
///
/// The export readers use its C port (`NativeJSONLineScanner`); this one is the reference
/// that the tests and the `jsonscan` fuzz target hold the port to. It validates the whole line (nested values in unknown fields included,
/// without recursion) and records the top-level members; values are decoded
/// only when a field is used. UTF-8 validity is checked separately.
struct JSONLineScanner {
    private let bytes: UnsafeRawBufferPointer
    private var failure: String?
    private static let maximumDepth = 10_000

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Scans `line`; on success `members` holds the top-level members in order.
    static func scan<Members: JSONMemberList>(_ line: UnsafeRawBufferPointer, into members: inout Members) -> JSONScanFailure? {
        members.removeAllMembers()
        var scanner = JSONLineScanner(line)
        let start = scanner.skipSpace(0)
        guard start < line.count, line[start] == UInt8(ascii: "{") else {
            if let end = scanner.value(at: start), scanner.skipSpace(end.end) == line.count { return .notObject }
            return .notJSON(scanner.failure ?? "not a JSON value")
        }
        guard let end = scanner.object(at: start, members: &members) else {
            return .notJSON(scanner.failure ?? "malformed object")
        }
        if scanner.skipSpace(end) != line.count { return .notJSON("text after the object") }
        return nil
    }

    private func skipSpace(_ start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return index
    }

    private mutating func fail(_ message: String) -> Int? {
        if failure == nil { failure = message }
        return nil
    }

    private mutating func object<Members: JSONMemberList>(at start: Int, members: inout Members) -> Int? {
        var index = skipSpace(start + 1)
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return index + 1 }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return fail("expected a key") }
            let keyStart = index
            guard let (keyEnd, keyEscapes) = string(at: keyStart) else { return nil }
            index = skipSpace(keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return fail("expected ':'") }
            let valueStart = skipSpace(index + 1)
            guard let parsed = value(at: valueStart) else { return nil }
            members.append(JSONMember(
                key: (keyStart + 1)..<(keyEnd - 1),
                keyHasEscapes: keyEscapes, kind: parsed.kind,
                value: parsed.kind == .string ? (valueStart + 1)..<(parsed.end - 1) : valueStart..<parsed.end,
                valueHasEscapes: parsed.escapes))
            index = skipSpace(parsed.end)
            guard index < bytes.count else { return fail("object never closes") }
            if bytes[index] == UInt8(ascii: "}") { return index + 1 }
            guard bytes[index] == UInt8(ascii: ",") else { return fail("expected ',' or '}'") }
            index = skipSpace(index + 1)
        }
    }

    /// Parses a string starting at the quote; returns the index after the closing quote.
    private mutating func string(at start: Int) -> (Int, Bool)? {
        var index = start + 1
        var escapes = false
        while index < bytes.count {
            // Skip plain bytes eight at a time (no quote, no backslash, no control character),
            // then jump straight to the first special byte of the word.
            while index + 8 <= bytes.count {
                let special = Self.specialBytes(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if special != 0 {
                    index += special.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return (index + 1, escapes) }
            if byte < 0x20 { _ = fail("control character in a string")
                return nil }
            if byte == UInt8(ascii: "\\") {
                escapes = true
                guard index + 1 < bytes.count else { break }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 5 < bytes.count,
                          (2...5).allSatisfy({ JSONStringDecoder.hexValue(bytes[index + $0]) != nil })
                    else {
                        _ = fail("bad \\u escape")
                        return nil
                    }
                    index += 6
                default:
                    _ = fail("bad escape")
                    return nil
                }
                continue
            }
            index += 1
        }
        _ = fail("string never closes")
        return nil
    }

    /// The high bit of each of the eight bytes that is `"`, `\\` or below 0x20 (SWAR).
    ///
    /// Bits above the lowest one may be false positives (borrows), so only the
    /// lowest set bit is used: it always marks a special byte.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroInQuote = (quote &- ones) & ~quote & highs
        let zeroInBackslash = (backslash &- ones) & ~backslash & highs
        let belowSpace = (word &- ones &* 0x20) & ~word & highs
        return zeroInQuote | zeroInBackslash | belowSpace
    }

    /// Parses any value; nested containers are walked iteratively.
    private mutating func value(at start: Int) -> (kind: JSONKind, end: Int, escapes: Bool)? {
        guard start < bytes.count else {
            _ = fail("expected a value")
            return nil
        }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return string(at: start).map { (.string, $0.0, $0.1) }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let kind: JSONKind = bytes[start] == UInt8(ascii: "{") ? .object : .array
            return container(at: start).map { (kind, $0, false) }
        case UInt8(ascii: "t"): return literal("true", at: start).map { (.true, $0, false) }
        case UInt8(ascii: "f"): return literal("false", at: start).map { (.false, $0, false) }
        case UInt8(ascii: "n"): return literal("null", at: start).map { (.null, $0, false) }
        default:
            return number(at: start).map { (.number, $0, false) }
        }
    }

    private mutating func literal(_ word: StaticString, at start: Int) -> Int? {
        let length = word.utf8CodeUnitCount
        guard start + length <= bytes.count else { return fail("bad literal") }
        for offset in 0..<length where bytes[start + offset] != word.utf8Start[offset] { return fail("bad literal") }
        return start + length
    }

    private mutating func number(at start: Int) -> Int? {
        var end = start
        while end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                end += 1
            default:
                return validNumber(start..<end) ? end : fail("not a valid JSON value")
            }
        }
        return validNumber(start..<end) ? end : fail("not a valid JSON value")
    }

    private func validNumber(_ range: Range<Int>) -> Bool {
        let text = UnsafeRawBufferPointer(rebasing: bytes[range])
        return JSONNumberText.plainInteger(text) != nil || JSONNumberText(text) != nil
    }

    /// Walks an object or array without recursion; returns the index after it.
    private mutating func container(at start: Int) -> Int? {
        var closers: [UInt8] = []
        var index = start
        var expectValue = true
        while true {
            if expectValue {
                index = skipSpace(index)
                guard index < bytes.count else { return fail("value never closes") }
                let byte = bytes[index]
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    if closers.count >= Self.maximumDepth { return fail("nested too deeply") }
                    let closer = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    closers.append(closer)
                    index = skipSpace(index + 1)
                    if index < bytes.count, bytes[index] == closer {
                        index += 1
                        closers.removeLast()
                        if closers.isEmpty { return index }
                        expectValue = false
                        continue
                    }
                    if closer == UInt8(ascii: "}") {
                        guard let afterKey = key(at: index) else { return nil }
                        index = afterKey
                    }
                    continue
                }
                guard let scalar = value(at: index) else { return nil }
                index = scalar.end
                expectValue = false
            } else {
                index = skipSpace(index)
                guard index < bytes.count, let closer = closers.last else { return fail("value never closes") }
                if bytes[index] == closer {
                    index += 1
                    closers.removeLast()
                    if closers.isEmpty { return index }
                } else if bytes[index] == UInt8(ascii: ",") {
                    index = skipSpace(index + 1)
                    if closer == UInt8(ascii: "}") {
                        guard let afterKey = key(at: index) else { return nil }
                        index = afterKey
                    }
                    expectValue = true
                } else {
                    return fail("expected ',' or a closing bracket")
                }
            }
        }
    }

    /// Parses `"key":` inside a nested object; returns the index after the colon.
    private mutating func key(at start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "\"") else { return fail("expected a key") }
        guard let (end, _) = string(at: start) else { return nil }
        let colon = skipSpace(end)
        guard colon < bytes.count, bytes[colon] == UInt8(ascii: ":") else { return fail("expected ':'") }
        return colon + 1
    }
}
