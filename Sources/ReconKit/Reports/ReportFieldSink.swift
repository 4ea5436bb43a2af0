/// Takes the fields of a report line one at a time, in column order: a line's fields are
/// listed once and go either to an array (the workbook, a web page) or straight into CSV
/// bytes (`CSVFieldSink`), so a report of millions of lines builds no array per line.
protocol ReportFieldSink {
    mutating func add(_ field: ReportField)
}

extension Array: ReportFieldSink where Element == ReportField {
    mutating func add(_ field: ReportField) { append(field) }
}

/// CSV lines written field by field; `guarded` says which columns carry input text (SPEC §13).
struct CSVFieldSink: ReportFieldSink {
    private(set) var csv = CSVLine()
    private let guarded: [Bool]
    private let pool: StringPool
    private var column = 0

    init(guarded: [Bool], pool: StringPool) {
        self.guarded = guarded
        self.pool = pool
    }

    mutating func add(_ field: ReportField) {
        csv.append(field, guarded: guarded[column], pool: pool)
        column += 1
    }

    /// Ends the current line.
    mutating func endLine() {
        csv.end()
        column = 0
    }

    /// The lines written so far.
    var bytes: [UInt8] { csv.bytes }
}
