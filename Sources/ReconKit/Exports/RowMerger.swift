/// Merges parsed chunks into the de-duplicated rows, in read order.
struct RowMerger<Row: ExportRow> {
    private(set) var table = DeduplicatedRows<Row>()
    var counts = SourceCounts()
    private let pool: StringPool

    init(pool: StringPool) { self.pool = pool }

    /// Goes on from `table` and `counts` (the re-run cache).
    init(pool: StringPool, resuming table: DeduplicatedRows<Row>, counts: SourceCounts) {
        self.pool = pool
        self.table = table
        self.counts = counts
    }

    /// Starts a file: see `DeduplicatedRows.earliestReplacedFile`.
    mutating func startFile() { table.resetReplacedFile() }

    /// Moves the rows out, dropping the index.
    mutating func takeRows() -> ChunkedRows<Row> {
        defer { table = DeduplicatedRows() }
        return table.rows
    }

    /// Moves a parsed chunk into the table: local string ids become global ones, line numbers
    /// absolute (`firstLine` lines of the file come before the chunk); records its rejections.
    mutating func merge(_ chunk: ParsedChunk<Row>, file: ExportFile, firstLine: Int, rejections: any RejectionSink) throws {
        guard firstLine + chunk.lines <= RowOrigin.maxLine else {
            throw ReconError.unreadable(path: file.path, reason: "more than \(RowOrigin.maxLine) lines")
        }
        let translation = pool.translation(from: chunk.pool)
        for var row in chunk.rows {
            row.remap { translation[Int($0.index)] }
            row.header.origin.line += firstLine
            table.insert(row)
        }
        for rejection in chunk.rejections {
            try rejections.record(Rejection(
                file: file.path, line: firstLine + rejection.line, problem: rejection.problem, raw: rejection.raw,
                rawTruncated: rejection.rawTruncated))
        }
        counts.lines += chunk.lines
        counts.blank += chunk.blank
        counts.rejected += chunk.rejections.count
        counts.superseded = table.superseded
    }
}
