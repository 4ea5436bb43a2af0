import Dispatch
import Foundation

/// Merges parsed chunks into the de-duplicated rows, one block after another on a serial queue.
final class RowMerger<Row: ExportRow>: @unchecked Sendable {
    private(set) var table = DeduplicatedRows<Row>()
    var counts = SourceCounts()
    private let pool: StringPool
    private let queue = DispatchQueue(label: "soundlink-recon.merge")
    private var failure: (any Error)?
    private let failureLock = NSLock()

    init(pool: StringPool) { self.pool = pool }

    /// Merges `parsers` after every block enqueued before, then calls `done`.
    func enqueue(
        _ parsers: [ChunkParser<Row>], file: ExportFile, firstLine: Int, rejections: RejectionSink,
        done: @escaping @Sendable () -> Void
    ) {
        nonisolated(unsafe) let rejections = rejections
        queue.async { [self] in
            defer { done() }
            guard failureLock.withLock({ failure == nil }) else { return }
            do {
                var linesBefore = firstLine
                for parser in parsers {
                    try merge(parser, file: file, firstLine: linesBefore, rejections: rejections)
                    linesBefore += parser.lines
                }
            } catch {
                failureLock.withLock { failure = error }
            }
        }
    }

    /// Waits until every enqueued block is merged.
    func drain() {
        queue.sync {}
    }

    /// Moves the rows out, dropping the index (every merge is done by then).
    func takeRows() -> ChunkedRows<Row> {
        drain()
        defer { table = DeduplicatedRows() }
        return table.rows
    }

    /// Throws the first merge error, if any, without waiting for pending merges.
    func checkFailure() throws {
        if let failure = failureLock.withLock({ failure }) { throw failure }
    }

    /// Moves a parsed chunk into the table: local string ids become global ones, line numbers absolute.
    private func merge(_ parser: ChunkParser<Row>, file: ExportFile, firstLine linesBefore: Int, rejections: RejectionSink) throws {
        let firstLine = linesBefore
        guard firstLine + parser.lines <= RowOrigin.maxLine else {
            throw ReconError.unreadable(path: file.path, reason: "more than \(RowOrigin.maxLine) lines")
        }
        let translation = pool.translation(from: parser.pool)
        for var row in parser.rows {
            row.remap { translation[Int($0.index)] }
            row.header.origin.line += firstLine
            table.insert(row)
        }
        for rejection in parser.rejections {
            try rejections.record(Rejection(
                file: file.path, line: firstLine + rejection.line, problem: rejection.problem, raw: rejection.raw,
                rawTruncated: rejection.rawTruncated))
        }
        counts.lines += parser.lines
        counts.blank += parser.blank
        counts.rejected += parser.rejections.count
        counts.superseded = table.superseded
    }
}
