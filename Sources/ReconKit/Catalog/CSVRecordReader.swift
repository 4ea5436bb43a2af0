import CLibCSV

/// One CSV record: its fields as bytes and the physical line it starts on.
struct CSVRecord {
    /// 1-based physical line of the record's first byte.
    var line: Int
    var fields: [ArraySlice<UInt8>]

    /// True when every field is empty (`,,,`).
    var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
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
    private var fieldBuffer: [ArraySlice<UInt8>] = []
    private var records: [CSVRecord] = []
    private var recordStartLine = 1

    private static let fieldEnd: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        bytes, count, context in
        let reader = Unmanaged<CSVRecordReader>.fromOpaque(context!).takeUnretainedValue()
        if let bytes, count > 0 {
            let buffer = UnsafeRawBufferPointer(start: bytes, count: count)
            reader.fieldBuffer.append(ArraySlice(buffer))
        } else {
            reader.fieldBuffer.append([])
        }
    }

    private static let recordEnd: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        let reader = Unmanaged<CSVRecordReader>.fromOpaque(context!).takeUnretainedValue()
        reader.records.append(CSVRecord(line: reader.recordStartLine, fields: reader.fieldBuffer))
        reader.fieldBuffer.removeAll(keepingCapacity: true)
    }

    init(path: String, delimiter: UInt8) throws {
        self.path = path
        parser = .allocate(capacity: 1)
        guard csv_init(parser, 0) == 0 else {
            parser.deallocate()
            throw ReconError.catalogSyntax(path: path, line: 1, reason: "cannot start the CSV parser")
        }
        csv_set_delim(parser, delimiter)
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// Parses `text` (UTF-8, without BOM) and calls `body` for each record in order.
    func read(_ text: [UInt8], _ body: (CSVRecord) throws -> Void) throws {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var quoteOpenLine = 0
        var lineNumber = 0
        try text.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                lineNumber += 1
                let end = Self.endOfLine(all, from: start)
                if parser.pointee.pstate == 0 { recordStartLine = lineNumber }
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

    private func flush(_ body: (CSVRecord) throws -> Void) throws {
        guard !records.isEmpty else { return }
        let ready = records
        records.removeAll(keepingCapacity: true)
        for record in ready { try body(record) }
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
