/// Streams rejected lines into `rejected.jsonl`, in read order.
///
/// At most `limit` rejections of one file are written; the rest are counted and the
/// file's last line is `{"file":…,"reason":"more","count":N}` (SPEC §13), so that a small
/// hostile file cannot fill a disk. The counts per reason stay complete.
final class RejectionWriter: RejectionSink {
    private let writer: FileWriter
    private let limit: Int
    private var listedInFile = 0
    private var unlistedInFile = 0
    /// Every rejection per reason, listed or not.
    private(set) var countsByReason: [RejectionReason: Int] = [:]
    /// Bytes of `rejected.jsonl` written so far.
    private(set) var bytesWritten = 0

    init(_ writer: FileWriter, limit: Int = InputLimits.listedRejectionsPerFile) {
        self.writer = writer
        self.limit = limit
    }

    func record(_ rejection: Rejection) throws {
        countsByReason[rejection.problem.reason, default: 0] += 1
        guard listedInFile < limit else {
            unlistedInFile += 1
            return
        }
        listedInFile += 1
        var members: [(String, JSONText)] = [
            ("file", .string(rejection.file)),
            ("line", .int(rejection.line)),
            ("reason", .string(rejection.problem.reason.rawValue)),
            ("detail", .string(rejection.problem.detail)),
            ("raw", .string(rejection.raw)),
        ]
        if rejection.rawTruncated { members.append(("raw_truncated", .bool(true))) }
        try emit(JSONText.object(members).compact + "\n")
    }

    /// Writes the lines a previous run wrote for one whole file, with their counts per reason
    /// (the re-run cache).
    func replay(_ lines: ArraySlice<UInt8>, countsByReason counts: [RejectionReason: Int]) throws {
        countsByReason.merge(counts, uniquingKeysWith: +)
        try writer.write(lines)
        bytesWritten += lines.count
    }

    private func emit(_ line: String) throws {
        try writer.write(line)
        bytesWritten += line.utf8.count
    }

    func finishFile(_ path: String) throws {
        defer { (listedInFile, unlistedInFile) = (0, 0) }
        guard unlistedInFile > 0 else { return }
        let line = JSONText.object([("file", .string(path)), ("reason", .string("more")), ("count", .int(unlistedInFile))])
        try emit(line.compact + "\n")
    }

    func close() throws { try writer.close() }
}
