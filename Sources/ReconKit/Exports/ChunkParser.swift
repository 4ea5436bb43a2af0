#if canImport(Glibc)
import Glibc
#endif

/// Parses the lines of one chunk of an export file into rows, with a string pool of its own.
///
/// Several chunks of a block are parsed at once, each on its own thread into its own
/// `ParsedChunk`; they are merged in chunk order, so the outcome equals a single-threaded read.
enum ChunkParser<Row: ExportRow> {
    /// Parses every line of `chunk`; rows carry line numbers counted from 1 within the chunk.
    /// Lines longer than `maxLineLength` are rejected unparsed (a setting so that tests can use small lines).
    static func parse(
        _ chunk: UnsafeRawBufferPointer, fileIndex: Int, maxLineLength: Int = InputLimits.maxLineLength
    ) -> ParsedChunk<Row> {
        var parsed = ParsedChunk<Row>()
        let parser = ExportLineParser(pool: parsed.pool)
        var start = 0
        let count = chunk.count
        guard let base = chunk.baseAddress else { return parsed }
        while start < count {
            let end = memchr(base + start, 0x0A, count - start).map { base.distance(to: UnsafeRawPointer($0)) } ?? count
            var lineEnd = end
            if lineEnd > start, chunk[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            parsed.lines += 1
            parseLine(UnsafeRawBufferPointer(rebasing: chunk[start..<lineEnd]), parser: parser, fileIndex: fileIndex,
                      maxLineLength: maxLineLength, into: &parsed)
            start = end + 1
        }
        return parsed
    }

    /// Parses the lines of a block's chunk, on a worker thread: the result shares nothing with the caller.
    static func parse(_ chunk: ByteSlice, fileIndex: Int, maxLineLength: Int) -> ParsedChunk<Row> {
        chunk.withBytes { parse($0, fileIndex: fileIndex, maxLineLength: maxLineLength) }
    }

    /// Stands for one line that was too long to read: `head` is its start, `length` its size.
    static func longLine(
        head: UnsafeRawBufferPointer, length: Int, maxLineLength: Int = InputLimits.maxLineLength
    ) -> ParsedChunk<Row> {
        var parsed = ParsedChunk<Row>()
        parsed.lines = 1
        var rejection = ParsedChunk<Row>.LocalRejection(line: 1, problem: tooLong(length, maxLineLength), bytes: head)
        rejection.rawTruncated = true
        parsed.rejections.append(rejection)
        return parsed
    }

    private static func tooLong(_ length: Int, _ maxLineLength: Int) -> RowProblem {
        RowProblem(.lineTooLong, "line: \(length) bytes, more than \(maxLineLength)")
    }

    private static func parseLine(
        _ line: UnsafeRawBufferPointer, parser: ExportLineParser, fileIndex: Int, maxLineLength: Int,
        into parsed: inout ParsedChunk<Row>
    ) {
        if line.count > maxLineLength {
            parsed.rejections.append(.init(line: parsed.lines, problem: tooLong(line.count, maxLineLength), bytes: line))
            return
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            parsed.blank += 1
            return
        }
        do throws(RowProblem) {
            try parser.load(line)
            parsed.rows.append(try Row(parser, origin: RowOrigin(file: fileIndex, line: parsed.lines)))
        } catch {
            parsed.rejections.append(.init(line: parsed.lines, problem: error, bytes: line))
        }
    }
}
