import Dispatch

/// Receives every rejected line, in read order.
public protocol RejectionSink: AnyObject {
    func record(_ rejection: Rejection) throws
    /// Every line of the file at `path` has been read (its rejections were all recorded).
    func finishFile(_ path: String) throws
}

extension RejectionSink {
    public func finishFile(_ path: String) throws {}
}

/// Streams export files into de-duplicated rows, recording every rejected line.
///
/// Each block of lines is cut into one chunk per thread at line breaks and the
/// chunks are parsed in parallel. Parsed blocks are merged in read order on a
/// merge queue while the next block is parsed, so both cores stay busy and the
/// result is the same for any number of threads.
struct ExportReader<Row: ExportRow> {
    private let merger: RowMerger<Row>
    /// Parser sets used in turn: one being parsed while earlier ones wait to be merged.
    private let parserSets: [[ChunkParser<Row>]]
    private let freeSets: DispatchSemaphore
    private let blockSize: Int
    private let maxLineLength: Int

    /// The rows kept so far (complete once `read` returns).
    var table: DeduplicatedRows<Row> { merger.table }
    var counts: SourceCounts { merger.counts }
    /// `exported_at` ties with different values, per kept row position (read before `finish`).
    var conflicts: [Int: [RowOrigin]] { merger.table.conflicts }

    init(pool: StringPool, threads: Int = 1, blockSize: Int = 8 << 20, maxLineLength: Int = InputLimits.maxLineLength) {
        merger = RowMerger(pool: pool)
        self.blockSize = blockSize
        self.maxLineLength = maxLineLength
        let setCount = 3
        parserSets = (0..<setCount).map { _ in
            (0..<max(1, threads)).map { _ in ChunkParser<Row>(maxLineLength: maxLineLength) }
        }
        freeSets = DispatchSemaphore(value: setCount)
    }

    /// Reads every line of `file`, whose rows will carry `index`; a corrupt or unreadable file throws.
    mutating func read(
        _ file: ExportFile, index: Int, rejections: RejectionSink,
        progress: (_ fileBytesRead: Int, _ linesRead: Int) throws -> Void = { _, _ in }
    ) throws {
        guard index <= RowOrigin.maxFile else {
            throw ReconError.unreadable(path: file.path, reason: "more than \(RowOrigin.maxFile + 1) export files")
        }
        let source = try openByteSource(file.path)
        let reader = BlockReader(source: source, blockSize: blockSize, maxLineLength: maxLineLength)
        let merger = self.merger
        merger.counts.files += 1
        var linesBefore = 0
        let linesBeforeFile = merger.counts.lines
        var blockNumber = 0
        defer { merger.drain() }
        try reader.forEachBlock { piece in
            try merger.checkFailure()
            freeSets.wait()
            let parsers = parserSets[blockNumber % parserSets.count]
            blockNumber += 1
            let parsed: [ChunkParser<Row>]
            switch piece {
            case let .lines(block):
                let chunks = Self.split(block, into: parsers.count)
                for (parser, chunk) in zip(parsers, chunks) { parser.chunk = chunk }
                if chunks.count == 1 {
                    parsers[0].parse(fileIndex: index)
                } else {
                    DispatchQueue.concurrentPerform(iterations: chunks.count) { parsers[$0].parse(fileIndex: index) }
                }
                parsed = Array(parsers.prefix(chunks.count))
            case let .longLine(head, length):
                parsers[0].takeLongLine(head: head, length: length)
                parsed = [parsers[0]]
            }
            let firstLine = linesBefore
            linesBefore += parsed.reduce(0) { $0 + $1.lines }
            let freeSets = self.freeSets
            merger.enqueue(parsed, file: file, firstLine: firstLine, rejections: rejections) { freeSets.signal() }
            try progress(source.fileBytesRead, linesBeforeFile + linesBefore)
        }
        merger.drain()
        try merger.checkFailure()
        try rejections.finishFile(file.path)
    }

    /// Hands over the kept rows and frees the de-duplication index; the reader keeps its counts
    /// but holds no rows afterwards.
    func finish() -> ChunkedRows<Row> { merger.takeRows() }

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
