/// Streams export files into a warehouse table file: every row that validates is written,
/// in read order and without de-duplication (the SQL does that); rejected lines go to the sink.
///
/// Each block of lines is parsed on every thread, like `ExportReader` (same parsers, same
/// line limits), then written in order.
struct WarehouseReader<Row: WarehouseRow> {
    private let threads: Int
    private let blockSize: Int
    private let maxLineLength: Int
    private(set) var counts = SourceCounts()
    /// Rows written (kept or superseded: the engine decides).
    private(set) var rows = 0

    init(threads: Int = 1, blockSize: Int = 8 << 20, maxLineLength: Int = InputLimits.maxLineLength) {
        self.threads = max(1, threads)
        self.blockSize = blockSize
        self.maxLineLength = maxLineLength
    }

    /// Reads every line of `file`, whose rows carry `index`; a corrupt or unreadable file throws.
    mutating func read(
        _ file: ExportFile, index: Int, into writer: FileWriter, rejections: any RejectionSink,
        progress: (_ fileBytesRead: Int, _ linesRead: Int) throws -> Void = { _, _ in }
    ) throws {
        guard index <= RowOrigin.maxFile else {
            throw ReconError.unreadable(path: file.path, reason: "more than \(RowOrigin.maxFile + 1) export files")
        }
        let source = try openByteSource(file.path)
        let reader = BlockReader(source: source, blockSize: blockSize, maxLineLength: maxLineLength)
        counts.files += 1
        var linesBefore = 0
        var line = NDJSONRow(Row.table)
        try reader.forEachBlock { piece in
            let parsed: [ParsedChunk<Row>]
            switch piece {
            case let .lines(block):
                parsed = ParsingBlock<Row>(block, parts: threads, fileIndex: index, maxLineLength: maxLineLength).wait()
            case let .longLine(head, length):
                parsed = [ChunkParser<Row>.longLine(head: head, length: length, maxLineLength: maxLineLength)]
            }
            for chunk in parsed {
                guard linesBefore + chunk.lines <= RowOrigin.maxLine else {
                    throw ReconError.unreadable(path: file.path, reason: "more than \(RowOrigin.maxLine) lines")
                }
                let texts = ChunkTexts(pool: chunk.pool)
                var output: [UInt8] = []
                for var row in chunk.rows {
                    row.header.origin.line += linesBefore
                    line.reset()
                    row.write(into: &line, texts: texts)
                    line.end()
                    output.append(contentsOf: line.bytes)
                }
                try writer.write(output)
                for rejection in chunk.rejections {
                    try rejections.record(Rejection(
                        file: file.path, line: linesBefore + rejection.line, problem: rejection.problem,
                        raw: rejection.raw, rawTruncated: rejection.rawTruncated))
                }
                rows += chunk.rows.count
                counts.lines += chunk.lines
                counts.blank += chunk.blank
                counts.rejected += chunk.rejections.count
                linesBefore += chunk.lines
            }
            try progress(source.fileBytesRead, counts.lines)
        }
        try rejections.finishFile(file.path)
    }
}
