import CJSONLine

/// The export readers' JSON scanner and UTF-8 check: the C port (Sources/CJSONLine) of
/// `JSONLineScanner` and `UTF8Validation`, with the same verdicts, failure messages and members.
enum NativeJSONLineScanner {
    /// Scans `line` into `members[0..<count]`, reallocating `members` when the line has more.
    static func scan(
        _ line: UnsafeRawBufferPointer, into members: inout UnsafeMutableBufferPointer<JSONMember>, count: inout Int
    ) -> JSONScanFailure? {
        let bytes = line.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var found = 0
        var failure: UnsafePointer<CChar>?
        var result = recon_json_line_scan(bytes, line.count, members.baseAddress, members.count, &found, &failure)
        if result == Int32(RECON_JSON_MORE_MEMBERS) {
            members.deallocate()
            members = .allocate(capacity: max(found, 2 * members.count))
            result = recon_json_line_scan(bytes, line.count, members.baseAddress, members.count, &found, &failure)
        }
        count = 0
        switch result {
        case Int32(RECON_JSON_OBJECT):
            count = found
            return nil
        case Int32(RECON_JSON_NOT_OBJECT): return .notObject
        default: return .notJSON(failure.map { String(cString: $0) } ?? "not a JSON value")
        }
    }

    /// Scans `line` into an array (for tests and the fuzz target).
    static func scan(_ line: UnsafeRawBufferPointer, into members: inout [JSONMember]) -> JSONScanFailure? {
        var buffer = UnsafeMutableBufferPointer<JSONMember>.allocate(capacity: 4)
        defer { buffer.deallocate() }
        var count = 0
        let failure = scan(line, into: &buffer, count: &count)
        members = Array(buffer[0..<count])
        return failure
    }

    /// Strict UTF-8 validation, as `UTF8Validation.isValid`.
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        recon_utf8_valid(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count) != 0
    }
}
