/// Parses one JSONL line into its top-level fields and reads them as typed values.
///
/// One parser serves a whole file: its buffers are reused from line to line.
///
/// Its per-line state is read for every field of every line, so it lives in `RawArray`s and a
/// `RawCell` rather than in class properties (which are checked for overlapping access each time).
final class ExportLineParser {
    /// The scalar state that changes from line to line.
    private struct Cursor {
        var line = UnsafeRawBufferPointer(start: nil, count: 0)
        /// The top-level members of the line, `members[0..<memberCount]` (grown by the scanner when needed).
        var members = UnsafeMutableBufferPointer<JSONMember>.allocate(capacity: 64)
        var memberCount = 0
        var keyArenaUsed = 0
        var recentGeneration = -1
    }

    private let cursor = RawCell(Cursor())
    private(set) var line: UnsafeRawBufferPointer {
        get { cursor.value.line }
        set { cursor.value.line = newValue }
    }
    private var members: UnsafeMutableBufferPointer<JSONMember> {
        get { cursor.value.members }
        set { cursor.value.members = newValue }
    }
    private var memberCount: Int {
        get { cursor.value.memberCount }
        set { cursor.value.memberCount = newValue }
    }
    private let slots = RawArray<Int>(repeating: -1, count: ExportField.allCases.count)
    /// The key (and the field it names, if any) at each position of the previous line: lines of
    /// one export share their field order, so most keys are recognised with one comparison.
    private let previousKeys = RawArray<PreviousKey>(capacity: 64)
    /// The bytes of the keys in `previousKeys`.
    private let keyArena = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
    private var keyArenaUsed: Int {
        get { cursor.value.keyArenaUsed }
        set { cursor.value.keyArenaUsed = newValue }
    }

    private struct PreviousKey {
        var field: ExportField?
        var start: Int
        var count: Int
    }
    /// Each field's most recent interned text, valid while the pool's generation is unchanged.
    private let recentIDs = RawArray<TextID>(repeating: TextID.absent, count: ExportField.allCases.count)
    private var recentGeneration: Int {
        get { cursor.value.recentGeneration }
        set { cursor.value.recentGeneration = newValue }
    }
    /// Keys of the current line that name no known field (checked for repeats).
    private var unknownKeys: [UnknownKey] = []
    let pool: StringPool

    init(pool: StringPool) { self.pool = pool }

    deinit {
        keyArena.deallocate()
        members.deallocate()
    }

    /// Checks UTF-8 and JSON, and indexes the known fields; unknown fields are ignored.
    func load(_ line: UnsafeRawBufferPointer) throws(RowProblem) {
        self.line = line
        slots.reset(repeating: -1, count: slots.count)
        memberCount = 0
        guard NativeJSONLineScanner.isValidUTF8(line) else { throw RowProblem(.invalidUTF8, "line is not valid UTF-8") }
        switch NativeJSONLineScanner.scan(line, into: &members, count: &memberCount) {
        case .notJSON(let detail): throw RowProblem(.notJSON, detail)
        case .notObject: throw RowProblem(.notObject, "line is a JSON value but not an object")
        case nil: break
        }
        unknownKeys.removeAll(keepingCapacity: true)
        for position in 0..<memberCount {
            let member = members[position]
            let field: ExportField?
            if member.keyHasEscapes {
                let key = JSONStringDecoder.decode(bytes(member.key))
                field = key.withUnsafeBytes { ExportField.lookup($0) }
                if field == nil { unknownKeys.append(UnknownKey(range: member.key, decoded: key)) }
            } else {
                field = lookupKey(member.key, position: position)
                if field == nil { unknownKeys.append(UnknownKey(range: member.key, decoded: nil)) }
            }
            guard let field else { continue }
            if slots[field.rawValue] >= 0 { throw RowProblem(.duplicateField, field.name) }
            slots[field.rawValue] = position
        }
        if unknownKeys.count > 1, let repeated = firstRepeatedUnknownKey() {
            // A key can be megabytes long: the detail names it, cut like `raw`.
            throw RowProblem(.duplicateField, repeated.withUnsafeBytes { TextCut.decoded($0, limit: InputLimits.rawLength).text })
        }
    }

    /// A key that names no known field: where it is, and its decoded bytes when it has escapes.
    private struct UnknownKey {
        var range: Range<Int>
        var decoded: [UInt8]?
    }

    /// The first unknown key that occurs twice (in order of second occurrence), if any.
    /// Lines have a handful of unknown keys, so they are compared pairwise without allocating.
    private func firstRepeatedUnknownKey() -> [UInt8]? {
        func keyBytes(_ key: UnknownKey) -> [UInt8] { key.decoded ?? Array(bytes(key.range)) }
        func same(_ lhs: UnknownKey, _ rhs: UnknownKey) -> Bool {
            if lhs.decoded == nil, rhs.decoded == nil {
                return lhs.range.count == rhs.range.count && bytes(lhs.range).elementsEqual(bytes(rhs.range))
            }
            return keyBytes(lhs) == keyBytes(rhs)
        }
        guard unknownKeys.count <= 16 else {
            var seen = Set<[UInt8]>()
            return unknownKeys.lazy.map(keyBytes).first { !seen.insert($0).inserted }
        }
        for later in 1..<unknownKeys.count where (0..<later).contains(where: { same(unknownKeys[$0], unknownKeys[later]) }) {
            return keyBytes(unknownKeys[later])
        }
        return nil
    }

    /// The field named by the key at `range`, trying the previous line's key at this position first.
    private func lookupKey(_ range: Range<Int>, position: Int) -> ExportField? {
        let key = bytes(range)
        if position < previousKeys.count {
            let previous = previousKeys[position]
            if previous.count == key.count, Self.equal(key, keyArena.baseAddress! + previous.start) {
                return previous.field
            }
        }
        let field = ExportField.lookup(key)
        if keyArenaUsed + key.count > keyArena.count {
            // Keys keep changing (no common order): start over rather than grow.
            keyArenaUsed = 0
            previousKeys.removeAll()
        }
        guard key.count <= keyArena.count else { return field }
        if key.count > 0 {
            UnsafeMutableRawBufferPointer(rebasing: keyArena[keyArenaUsed..<(keyArenaUsed + key.count)]).copyMemory(from: key)
        }
        let seen = PreviousKey(field: field, start: keyArenaUsed, count: key.count)
        keyArenaUsed += key.count
        if position < previousKeys.count {
            previousKeys[position] = seen
        } else if position == previousKeys.count {
            previousKeys.append(seen)
        }
        return field
    }

    /// Whether `key` equals the same number of bytes at `other`, compared eight bytes at a time
    /// (keys are short: a `memcmp` call costs more).
    @inline(__always)
    private static func equal(_ key: UnsafeRawBufferPointer, _ other: UnsafeRawPointer) -> Bool {
        let count = key.count
        guard count >= 8 else {
            return (0..<count).allSatisfy { key[$0] == other.load(fromByteOffset: $0, as: UInt8.self) }
        }
        var index = 0
        while index + 8 < count {
            if key.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                != other.loadUnaligned(fromByteOffset: index, as: UInt64.self) { return false }
            index += 8
        }
        // The last eight bytes, overlapping the words already compared.
        return key.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == other.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }

    private func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: line[range])
    }

    private func member(_ field: ExportField) -> JSONMember? {
        let position = slots[field.rawValue]
        return position >= 0 ? members[position] : nil
    }

    /// Interns a string member's decoded bytes; nil for absent, null or "".
    /// With `freeText`, the text is cleaned for the reports first (`TextCut.freeText`).
    private func text(_ field: ExportField, freeText: Bool = false) throws(RowProblem) -> TextID? {
        guard let member = member(field), member.kind != .null else { return nil }
        guard member.kind == .string else { throw RowProblem(.wrongType, "\(field.name): expected a string") }
        if member.value.isEmpty { return nil }
        if member.valueHasEscapes {
            var decoded = JSONStringDecoder.decode(bytes(member.value))
            if freeText, let cleaned = decoded.withUnsafeBytes({ TextCut.freeText($0) }) { decoded = cleaned }
            return decoded.withUnsafeBytes { pool.intern($0) }
        }
        if freeText, let cleaned = TextCut.freeText(bytes(member.value)) {
            return cleaned.withUnsafeBytes { pool.intern($0) }
        }
        return internRepeated(bytes(member.value), field: field)
    }

    /// Interns `text`, reusing this field's id from the previous line when the bytes are the same:
    /// consecutive lines mostly repeat the account, campaign and country, which then cost one compare.
    private func internRepeated(_ text: UnsafeRawBufferPointer, field: ExportField) -> TextID {
        if recentGeneration != pool.generation {
            recentIDs.reset(repeating: TextID.absent, count: recentIDs.count)
            recentGeneration = pool.generation
        }
        let recent = recentIDs[field.rawValue]
        if recent != TextID.absent, pool.hasText(recent, text) { return recent }
        let id = pool.intern(text)
        recentIDs[field.rawValue] = id
        return id
    }

    /// Checks that a primary-key field is a non-empty string, without reading it.
    func requireKey(_ field: ExportField) throws(RowProblem) {
        guard let member = member(field), member.kind != .null, !(member.kind == .string && member.value.isEmpty) else {
            throw RowProblem(.missingField, "\(field.name): missing, null or empty")
        }
        guard member.kind == .string else { throw RowProblem(.wrongType, "\(field.name): expected a string") }
    }

    /// A primary-key field: a non-empty string.
    func key(_ field: ExportField) throws(RowProblem) -> TextID {
        guard let id = try text(field) else { throw RowProblem(.missingField, "\(field.name): missing, null or empty") }
        return id
    }

    /// An optional string field; `TextID.absent` when absent, null or "".
    func string(_ field: ExportField) throws(RowProblem) -> TextID {
        try text(field) ?? TextID.absent
    }

    /// A free-text field (a campaign or track name), cut and cleaned for the reports;
    /// `TextID.absent` when absent, null or "".
    func freeText(_ field: ExportField) throws(RowProblem) -> TextID {
        try text(field, freeText: true) ?? TextID.absent
    }

    /// The raw text of a string member (already known to be a string).
    private func plainText(_ field: ExportField) -> String? {
        withText(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the decoded bytes of a string member; nil when it is not a string.
    private func withText<Result>(_ field: ExportField, _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
        guard let member = member(field), member.kind == .string else { return nil }
        if member.valueHasEscapes { return JSONStringDecoder.decode(bytes(member.value)).withUnsafeBytes(body) }
        return body(bytes(member.value))
    }

    func reportDate() throws(RowProblem) -> CalendarDay {
        guard let day = withText(.reportDate, CalendarDay.parse) ?? nil else {
            throw RowProblem(.badReportDate, "report_date: not a valid YYYY-MM-DD date")
        }
        return day
    }

    /// Null, absent or "" means absent; any other text must be an ISO-8601 instant.
    func exportedAt() throws(RowProblem) -> Instant? {
        guard let member = member(.exportedAt), member.kind != .null, !(member.kind == .string && member.value.isEmpty)
        else { return nil }
        guard member.kind == .string else { throw RowProblem(.wrongType, "exported_at: expected a string") }
        guard let instant = withText(.exportedAt, Instant.parse) ?? nil else {
            throw RowProblem(.badExportedAt, "exported_at: not an ISO-8601 instant")
        }
        return instant
    }

    /// Null or absent means 1.0; the major version must be 1.
    func checkSchemaVersion() throws(RowProblem) {
        guard let member = member(.schemaVersion), member.kind != .null else { return }
        guard member.kind == .string else { throw RowProblem(.wrongType, "schema_version: expected a string") }
        if Self.isVersionOnePointZero(bytes(member.value)) { return }
        let text = plainText(.schemaVersion) ?? ""
        let major = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard !major.isEmpty, major.allSatisfy(\.isASCII), major.allSatisfy(\.isNumber), Int(major) == 1 else {
            // The value is shown, but cut: a detail must not copy megabytes of a hostile line.
            let shown = text.utf8.count > 64 ? String(text.prefix(64)) + "…" : text
            throw RowProblem(.unsupportedSchemaVersion, "schema_version: '\(shown)' is not version 1")
        }
    }

    private static func isVersionOnePointZero(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count == 3 && bytes[0] == UInt8(ascii: "1") && bytes[1] == UInt8(ascii: ".") && bytes[2] == UInt8(ascii: "0")
    }

    /// A count: a non-negative JSON integer, or "not reported" when null or absent.
    func count(_ field: ExportField) throws(RowProblem) -> Count {
        guard let member = member(field), member.kind != .null else { return .notReported }
        if member.kind == .number, let value = JSONNumberText.plainInteger(bytes(member.value)) { return Count(value) }
        guard member.kind == .number, let number = JSONNumberText(bytes(member.value)), number.isInteger else {
            throw RowProblem(.wrongType, "\(field.name): expected an integer")
        }
        guard let value = number.scaled(toDecimals: 0) else {
            throw RowProblem(.outOfRange, "\(field.name): integer too large")
        }
        if value < 0 { throw RowProblem(.negativeCount, "\(field.name): negative count") }
        return Count(value)
    }

    /// Money: any JSON number, exact to 10⁻⁶; absent is 0. Null is not a number (SPEC §4: only counts
    /// take null as "not reported").
    func money(_ field: ExportField) throws(RowProblem) -> Money {
        guard let member = member(field) else { return .zero }
        guard member.kind == .number else {
            throw RowProblem(.wrongType, "\(field.name): expected a number" + (member.kind == .null ? ", not null" : ""))
        }
        switch Money.parse(bytes(member.value)) {
        case .value(let money): return money
        case .outOfRange: throw RowProblem(.outOfRange, "\(field.name): beyond the money range")
        case .notANumber: throw RowProblem(.wrongType, "\(field.name): expected a number")
        }
    }

    /// `currency`: required, three ASCII letters, upper-cased.
    func currency() throws(RowProblem) -> TextID {
        guard let member = member(.currency), member.kind != .null else {
            throw RowProblem(.missingField, "currency: missing or null")
        }
        let code = withText(.currency) { text -> TextID? in
            guard text.count == 3, text.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") })
            else { return nil }
            let upper = (text[0] & 0xDF, text[1] & 0xDF, text[2] & 0xDF)
            return withUnsafeBytes(of: upper) { pool.intern($0) }
        }
        guard let code = code ?? nil else { throw RowProblem(.wrongType, "currency: expected a three-letter code") }
        return code
    }
}
