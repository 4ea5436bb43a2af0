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
        try writer.write(JSONText.object(members).compact + "\n")
    }

    func finishFile(_ path: String) throws {
        defer { (listedInFile, unlistedInFile) = (0, 0) }
        guard unlistedInFile > 0 else { return }
        let line = JSONText.object([("file", .string(path)), ("reason", .string("more")), ("count", .int(unlistedInFile))])
        try writer.write(line.compact + "\n")
    }

    func close() throws { try writer.close() }
}
