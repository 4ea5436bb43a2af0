import Dispatch

/// Streams export files into a warehouse table file: every row that validates is written,
/// in read order and without de-duplication (the SQL does that); rejected lines go to the sink.
///
/// Each block of lines is parsed on every thread, like `ExportReader`, then written in order.
struct WarehouseReader<Row: WarehouseRow> {
    private let parsers: [ChunkParser<Row>]
    private let blockSize: Int
    private(set) var counts = SourceCounts()
    /// Rows written (kept or superseded: the engine decides).
    private(set) var rows = 0

    init(threads: Int = 1, blockSize: Int = 8 << 20) {
        parsers = (0..<max(1, threads)).map { _ in ChunkParser<Row>() }
        self.blockSize = blockSize
    }

    /// Reads every line of `file`, whose rows carry `index`; a corrupt or unreadable file throws.
    mutating func read(
        _ file: ExportFile, index: UInt32, into writer: FileWriter, rejections: RejectionSink,
        progress: (_ fileBytesRead: Int, _ linesRead: Int) throws -> Void = { _, _ in }
    ) throws {
        let source = try openByteSource(file.path)
        let reader = BlockReader(source: source, blockSize: blockSize)
        counts.files += 1
        var linesBefore = 0
        var line = NDJSONRow(Row.table)
        try reader.forEachBlock { block in
            let chunks = ExportReader<Row>.split(block, into: parsers.count)
            for (parser, chunk) in zip(parsers, chunks) { parser.chunk = chunk }
            if chunks.count == 1 {
                parsers[0].parse(fileIndex: index)
            } else {
                nonisolated(unsafe) let parsers = self.parsers
                DispatchQueue.concurrentPerform(iterations: chunks.count) { parsers[$0].parse(fileIndex: index) }
            }
            for parser in parsers.prefix(chunks.count) {
                let texts = ChunkTexts(pool: parser.pool)
                var output: [UInt8] = []
                for var row in parser.rows {
                    row.header.origin.line += UInt32(linesBefore)
                    line.reset()
                    row.write(into: &line, texts: texts)
                    line.end()
                    output.append(contentsOf: line.bytes)
                }
                try writer.write(output)
                for rejection in parser.rejections {
                    try rejections.record(Rejection(
                        file: file.path, line: linesBefore + rejection.line, problem: rejection.problem, raw: rejection.raw))
                }
                rows += parser.rows.count
                counts.lines += parser.lines
                counts.blank += parser.blank
                counts.rejected += parser.rejections.count
                linesBefore += parser.lines
            }
            try progress(source.fileBytesRead, counts.lines)
        }
    }
}
