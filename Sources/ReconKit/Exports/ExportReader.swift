import Dispatch

/// Receives every rejected line, in read order.
public protocol RejectionSink: AnyObject {
    func record(_ rejection: Rejection) throws
}

/// Streams export files into de-duplicated rows, recording every rejected line.
///
/// Each block of lines is cut into one chunk per thread at line breaks; the
/// chunks are parsed in parallel and merged in order, so the result is the
/// same for any number of threads.
struct ExportReader<Row: ExportRow> {
    private(set) var table = DeduplicatedRows<Row>()
    private(set) var counts = SourceCounts()
    private let pool: StringPool
    private let parsers: [ChunkParser<Row>]
    private let blockSize: Int

    init(pool: StringPool, threads: Int = 1, blockSize: Int = 8 << 20) {
        self.pool = pool
        self.blockSize = blockSize
        parsers = (0..<max(1, threads)).map { _ in ChunkParser<Row>() }
    }

    /// Reads every line of `file`, whose rows will carry `index`; a corrupt or unreadable file throws.
    mutating func read(
        _ file: ExportFile, index: UInt32, rejections: RejectionSink, progress: (_ fileBytesRead: Int, _ linesRead: Int) -> Void = { _, _ in }
    ) throws {
        let source = try openByteSource(file.path)
        let reader = BlockReader(source: source, blockSize: blockSize)
        counts.files += 1
        var linesBefore = 0
        try reader.forEachBlock { block in
            let chunks = Self.split(block, into: parsers.count)
            for (parser, chunk) in zip(parsers, chunks) { parser.chunk = chunk }
            let parsers = self.parsers
            if chunks.count == 1 {
                parsers[0].parse(fileIndex: index)
            } else {
                DispatchQueue.concurrentPerform(iterations: chunks.count) { parsers[$0].parse(fileIndex: index) }
            }
            for parser in parsers.prefix(chunks.count) {
                try merge(parser, file: file, firstLine: linesBefore, rejections: rejections)
                linesBefore += parser.lines
            }
            progress(source.fileBytesRead, counts.lines)
        }
        counts.superseded = table.superseded
    }

    /// Moves a parsed chunk into the table: local string ids become global ones, line numbers absolute.
    private mutating func merge(
        _ parser: ChunkParser<Row>, file: ExportFile, firstLine linesBefore: Int, rejections: RejectionSink
    ) throws {
        let firstLine = UInt32(linesBefore)
        let translation = pool.translation(from: parser.pool)
        for var row in parser.rows {
            row.remap { translation[Int($0)] }
            row.header.origin.line += firstLine
            table.insert(row)
        }
        for rejection in parser.rejections {
            try rejections.record(Rejection(
                file: file.path, line: Int(firstLine) + rejection.line, problem: rejection.problem, raw: rejection.raw))
        }
        counts.lines += parser.lines
        counts.blank += parser.blank
        counts.rejected += parser.rejections.count
    }

    /// Cuts `block` into at most `parts` pieces that end at line breaks.
    static func split(_ block: UnsafeRawBufferPointer, into parts: Int) -> [UnsafeRawBufferPointer] {
        var chunks: [UnsafeRawBufferPointer] = []
        var start = 0
        for part in 1...parts where start < block.count {
            var end = part == parts ? block.count : max(start, block.count * part / parts)
            while end < block.count, end > 0, block[end - 1] != 0x0A { end += 1 }
            if end > start { chunks.append(UnsafeRawBufferPointer(rebasing: block[start..<end])) }
            start = end
        }
        return chunks.isEmpty ? [block] : chunks
    }
}
