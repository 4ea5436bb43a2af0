/// Receives every rejected line, in read order.
public protocol RejectionSink: AnyObject {
    func record(_ rejection: Rejection) throws
}

/// Streams export files into de-duplicated rows, recording every rejected line.
struct ExportReader<Row: ExportRow> {
    private(set) var table = DeduplicatedRows<Row>()
    private(set) var counts = SourceCounts()
    private let parser: ExportLineParser

    init(pool: StringPool) {
        parser = ExportLineParser(pool: pool)
    }

    /// Reads every line of `file`, whose rows will carry `index`; a corrupt or unreadable file throws.
    mutating func read(_ file: ExportFile, index: UInt32, rejections: RejectionSink) throws {
        let reader = LineReader(source: try openByteSource(file.path))
        counts.files += 1
        try reader.forEachLine { line, number in
            counts.lines += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                counts.blank += 1
                return
            }
            do throws(RowProblem) {
                try parser.load(line)
                table.insert(try Row(parser, origin: RowOrigin(file: index, line: UInt32(number))))
            } catch {
                counts.rejected += 1
                try rejections.record(Rejection(
                    file: file.path, line: number, problem: error, raw: String(decoding: line, as: UTF8.self)))
            }
        }
        counts.superseded = table.superseded
    }
}
