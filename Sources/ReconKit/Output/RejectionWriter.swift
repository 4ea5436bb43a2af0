/// Streams rejected lines into `rejected.jsonl`, in read order.
final class RejectionWriter: RejectionSink {
    private let writer: FileWriter

    init(_ writer: FileWriter) { self.writer = writer }

    func record(_ rejection: Rejection) throws {
        let line = JSONText.object([
            ("file", .string(rejection.file)),
            ("line", .int(rejection.line)),
            ("reason", .string(rejection.problem.reason.rawValue)),
            ("detail", .string(rejection.problem.detail)),
            ("raw", .string(rejection.raw)),
        ])
        try writer.write(line.compact + "\n")
    }

    func close() throws { try writer.close() }
}
