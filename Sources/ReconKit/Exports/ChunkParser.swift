#if canImport(Glibc)
import Glibc
#endif

/// Parses the lines of one chunk of an export file into rows, with its own string pool.
///
/// Several parsers run at once on consecutive chunks of a block; their results
/// are merged in chunk order, so the outcome equals a single-threaded read.
/// Each instance is used by one thread at a time.
final class ChunkParser<Row: ExportRow>: @unchecked Sendable {
    /// A rejected line, numbered within the chunk.
    struct LocalRejection {
        let line: Int
        let problem: RowProblem
        let raw: String
        var rawTruncated: Bool

        init(line: Int, problem: RowProblem, bytes: UnsafeRawBufferPointer) {
            self.line = line
            self.problem = problem
            (raw, rawTruncated) = TextCut.decoded(bytes, limit: InputLimits.rawLength)
        }
    }

    let pool = StringPool()
    private lazy var parser = ExportLineParser(pool: pool)
    private(set) var rows: [Row] = []
    private(set) var rejections: [LocalRejection] = []
    private(set) var lines = 0
    private(set) var blank = 0
    /// The bytes to parse next; set before `parse()`.
    var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Lines longer than this are rejected unparsed (a setting so that tests can use small lines).
    let maxLineLength: Int

    init(maxLineLength: Int = InputLimits.maxLineLength) { self.maxLineLength = maxLineLength }

    /// Stands for one line that was too long to read: `head` is its start, `length` its size.
    func takeLongLine(head: UnsafeRawBufferPointer, length: Int) {
        clear()
        lines = 1
        var rejection = LocalRejection(line: 1, problem: tooLong(length), bytes: head)
        rejection.rawTruncated = true
        rejections.append(rejection)
    }

    private func tooLong(_ length: Int) -> RowProblem {
        RowProblem(.lineTooLong, "line: \(length) bytes, more than \(maxLineLength)")
    }

    private func clear() {
        rows.removeAll(keepingCapacity: true)
        rejections.removeAll(keepingCapacity: true)
        pool.removeAll()
        lines = 0
        blank = 0
    }

    /// Parses every line of `chunk`; rows carry line numbers counted from 1 within the chunk.
    func parse(fileIndex: Int) {
        clear()
        var start = 0
        let count = chunk.count
        guard let base = chunk.baseAddress else { return }
        while start < count {
            let end = memchr(base + start, 0x0A, count - start).map { base.distance(to: UnsafeRawPointer($0)) } ?? count
            var lineEnd = end
            if lineEnd > start, chunk[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            lines += 1
            parseLine(UnsafeRawBufferPointer(rebasing: chunk[start..<lineEnd]), fileIndex: fileIndex)
            start = end + 1
        }
    }

    private func parseLine(_ line: UnsafeRawBufferPointer, fileIndex: Int) {
        if line.count > maxLineLength {
            rejections.append(LocalRejection(line: lines, problem: tooLong(line.count), bytes: line))
            return
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            blank += 1
            return
        }
        do throws(RowProblem) {
            try parser.load(line)
            rows.append(try Row(parser, origin: RowOrigin(file: fileIndex, line: lines)))
        } catch {
            rejections.append(LocalRejection(line: lines, problem: error, bytes: line))
        }
    }
}
