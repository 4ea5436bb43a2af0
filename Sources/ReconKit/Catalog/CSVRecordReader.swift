import CLibCSV

/// One CSV record, valid only during the callback that receives it.
struct CSVRecord {
    /// 1-based physical line of the record's first byte.
    let line: Int
    private let bytes: UnsafeRawBufferPointer
    private let ranges: UnsafeBufferPointer<Range<Int>>

    init(line: Int, bytes: UnsafeRawBufferPointer, ranges: UnsafeBufferPointer<Range<Int>>) {
        self.line = line
        self.bytes = bytes
        self.ranges = ranges
    }

    var count: Int { ranges.count }

    /// The bytes of field `index`, or empty past the end (short records are padded).
    func field(_ index: Int) -> UnsafeRawBufferPointer {
        guard index < ranges.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: bytes[ranges[index]])
    }

    /// True when every field is empty (`,,,`).
    var isBlank: Bool { ranges.allSatisfy { $0.isEmpty } }
}

/// Streams the records of CSV text through libcsv, keeping track of line numbers.
///
/// libcsv reports no positions, so the text is fed one physical line at a
/// time (LF, CRLF or a lone CR ends a line) and the parser's state is read
/// between lines. It runs without `CSV_STRICT`, so that a stray `"` inside an
/// unquoted field stays text; an unclosed quoted field is detected from the
/// parser state before `csv_fini` instead.
final class CSVRecordReader {
    private let path: String
    private let parser: UnsafeMutablePointer<csv_parser>
    /// What the parser's callbacks fill, behind a pointer: the callbacks run once per field,
    /// and through a pointer they pay no retain of the reader and no exclusivity check.
    private let state: UnsafeMutablePointer<ParsedLine>

    /// The records completed in the current line and the fields of a record still in progress.
    private struct ParsedLine {
        /// Field bytes, one arena reused per line.
        var arena: [UInt8] = []
        var fieldRanges: [Range<Int>] = []
        /// Completed records: start line and end index into `fieldRanges`.
        var records: [(line: Int, fieldsEnd: Int)] = []
        var recordStartLine = 1
    }

    private static let fieldEnd: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        bytes, count, context in
        let state = context!.assumingMemoryBound(to: ParsedLine.self)
        let start = state.pointee.arena.count
        if let bytes, count > 0 {
            state.pointee.arena.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: count))
        }
        state.pointee.fieldRanges.append(start..<state.pointee.arena.count)
    }

    /// A space test that finds none, so that libcsv trims nothing.
    private static let noSpace: @convention(c) (UInt8) -> Int32 = { _ in 0 }

    private static let recordEnd: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        let state = context!.assumingMemoryBound(to: ParsedLine.self)
        state.pointee.records.append((state.pointee.recordStartLine, state.pointee.fieldRanges.count))
    }

    /// With `trimsUnquotedSpace` (libcsv's default, right for catalogs) spaces and tabs around an
    /// unquoted field are dropped; without it every field is read exactly as written, as needed to
    /// read back this tool's own reports, whose minimal quoting leaves such spaces unquoted.
    init(path: String, delimiter: UInt8, trimsUnquotedSpace: Bool = true) throws {
        self.path = path
        parser = .allocate(capacity: 1)
        guard csv_init(parser, 0) == 0 else {
            parser.deallocate()
            throw ReconError.catalogSyntax(path: path, line: 1, reason: "cannot start the CSV parser")
        }
        csv_set_delim(parser, delimiter)
        if !trimsUnquotedSpace { csv_set_space_func(parser, Self.noSpace) }
        state = .allocate(capacity: 1)
        state.initialize(to: ParsedLine())
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Parses `text` (UTF-8, without BOM) and calls `body` for each record in order.
    func read(_ text: [UInt8], _ body: (CSVRecord) throws -> Void) throws {
        let context = UnsafeMutableRawPointer(state)
        var quoteOpenLine = 0
        var lineNumber = 0
        try text.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                lineNumber += 1
                let end = Self.endOfLine(all, from: start)
                if parser.pointee.pstate == 0 { state.pointee.recordStartLine = lineNumber }
                let wasInQuote = isInsideQuotedField
                let slice = UnsafeRawBufferPointer(rebasing: all[start..<end])
                if csv_parse(parser, slice.baseAddress, slice.count, Self.fieldEnd, Self.recordEnd, context) != slice.count {
                    let message = String(cString: csv_strerror(csv_error(parser)))
                    throw ReconError.catalogSyntax(path: path, line: lineNumber, reason: message)
                }
                if !wasInQuote, isInsideQuotedField { quoteOpenLine = lineNumber }
                try flush(body)
                start = end
            }
        }
        if isInsideQuotedField {
            throw ReconError.catalogSyntax(path: path, line: quoteOpenLine, reason: "quoted field never closes")
        }
        csv_fini(parser, Self.fieldEnd, Self.recordEnd, context)
        try flush(body)
    }

    /// libcsv's FIELD_BEGUN state (2) with `quoted` set: inside an open quoted field.
    private var isInsideQuotedField: Bool {
        parser.pointee.pstate == 2 && parser.pointee.quoted != 0
    }

    /// Hands over the completed records and keeps any record still in progress.
    private func flush(_ body: (CSVRecord) throws -> Void) throws {
        guard !state.pointee.records.isEmpty else { return }
        try state.pointee.arena.withUnsafeBytes { bytes in
            try state.pointee.fieldRanges.withUnsafeBufferPointer { fieldRanges in
                var fieldsStart = 0
                for record in state.pointee.records {
                    let ranges = UnsafeBufferPointer(rebasing: fieldRanges[fieldsStart..<record.fieldsEnd])
                    try body(CSVRecord(line: record.line, bytes: bytes, ranges: ranges))
                    fieldsStart = record.fieldsEnd
                }
            }
        }
        let pendingFields = state.pointee.records.last!.fieldsEnd
        state.pointee.records.removeAll(keepingCapacity: true)
        // Usually no field is pending: empty the buffers in place, keeping their capacity.
        guard pendingFields < state.pointee.fieldRanges.count else {
            state.pointee.arena.removeAll(keepingCapacity: true)
            state.pointee.fieldRanges.removeAll(keepingCapacity: true)
            return
        }
        let pending = Array(state.pointee.fieldRanges[pendingFields...])
        let pendingStart = pending[0].lowerBound
        state.pointee.arena.removeSubrange(0..<pendingStart)
        state.pointee.fieldRanges = pending.map { ($0.lowerBound - pendingStart)..<($0.upperBound - pendingStart) }
    }

    /// The index just past the line that starts at `start` (LF, CRLF or lone CR).
    static func endOfLine(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { return index + 1 }
            if byte == 0x0D {
                return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
            }
            index += 1
        }
        return bytes.count
    }
}
