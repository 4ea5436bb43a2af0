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
/// Each block of lines is cut into one chunk per thread at line breaks and the chunks are
/// parsed on worker threads, each into a value of its own. Meanwhile this thread merges the
/// previous block's chunks in read order and reads the next block (the block reader keeps a
/// block's bytes until the following one is handed over), so the cores stay busy and the
/// result is the same for any number of threads.
struct ExportReader<Row: ExportRow> {
    private var merger: RowMerger<Row>
    private let threads: Int
    private let blockSize: Int
    private let maxLineLength: Int

    /// The rows kept so far (complete once `read` returns).
    var table: DeduplicatedRows<Row> { merger.table }
    var counts: SourceCounts { merger.counts }
    /// `exported_at` ties with different values, per kept row position (read before `finish`).
    var conflicts: [Int: [RowOrigin]] { merger.table.conflicts }

    /// The smallest file index of a kept row that a row of the file read last replaced (`Int.max`: none).
    var earliestReplacedFile: Int { merger.table.earliestReplacedFile }

    init(pool: StringPool, threads: Int = 1, blockSize: Int = 8 << 20, maxLineLength: Int = InputLimits.maxLineLength) {
        merger = RowMerger(pool: pool)
        self.threads = max(1, threads)
        self.blockSize = blockSize
        self.maxLineLength = maxLineLength
    }

    /// A reader that goes on from the rows and counts of files read before (the re-run cache).
    init(pool: StringPool, threads: Int, resuming table: DeduplicatedRows<Row>, counts: SourceCounts) {
        self.init(pool: pool, threads: threads)
        merger = RowMerger(pool: pool, resuming: table, counts: counts)
    }

    /// Reads every line of `file`, whose rows will carry `index`; a corrupt or unreadable file throws.
    /// Returns the size and SHA-256 of the file's bytes, hashed as they were read.
    @discardableResult
    mutating func read(
        _ file: ExportFile, index: Int, rejections: any RejectionSink,
        progress: (_ fileBytesRead: Int, _ linesRead: Int) throws -> Void = { _, _ in }
    ) throws -> FileDigest {
        guard index <= RowOrigin.maxFile else {
            throw ReconError.unreadable(path: file.path, reason: "more than \(RowOrigin.maxFile + 1) export files")
        }
        let digest = FileDigest()
        let (source, callerHashes) = try openByteSource(file.path, digest: digest)
        let reader = BlockReader(source: source, blockSize: blockSize, maxLineLength: maxLineLength,
                                 digest: callerHashes ? digest : nil)
        merger.counts.files += 1
        merger.startFile()
        let linesBeforeFile = merger.counts.lines
        // Lines of this file merged so far.
        var merged = 0
        func merge(_ chunks: [ParsedChunk<Row>]) throws {
            for chunk in chunks {
                try merger.merge(chunk, file: file, firstLine: merged, rejections: rejections)
                merged += chunk.lines
            }
        }
        // The block being parsed while the previous one is merged and the next one read.
        var parsing: ParsingBlock<Row>?
        func mergeParsed() throws {
            let chunks = parsing?.wait() ?? []
            parsing = nil
            try merge(chunks)
        }
        try reader.forEachBlock { piece in
            switch piece {
            case let .lines(block):
                let next = ParsingBlock<Row>(block, parts: threads, fileIndex: index, maxLineLength: maxLineLength)
                try mergeParsed()
                parsing = next
            case let .longLine(head, length):
                try mergeParsed()
                try merge([ChunkParser<Row>.longLine(head: head, length: length, maxLineLength: maxLineLength)])
            }
            try progress(source.fileBytesRead, linesBeforeFile + merged)
        }
        try mergeParsed()
        try rejections.finishFile(file.path)
        return digest
    }

    /// Hands over the kept rows and frees the de-duplication index; the reader keeps its counts
    /// but holds no rows afterwards.
    mutating func finish() -> ChunkedRows<Row> { merger.takeRows() }

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
