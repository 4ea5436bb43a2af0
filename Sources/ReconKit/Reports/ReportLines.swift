/// A report ready to print: its columns and its typed lines in report order. The CSV
/// (`csv`) and the workbook sheet (`WorkbookSheet`) are both written from it.
struct ReportLines {
    let columns: [String]
    /// Lines in the report.
    let count: Int
    /// For each column, whether its text gets the formula guard in the CSV (SPEC §13).
    let guarded: [Bool]
    /// The interned texts the lines refer to.
    let pool: StringPool
    /// The fields of line `index`, in column order.
    let fields: (_ index: Int) -> [ReportField]

    /// Guards the columns `ReportColumns` names as input text unless `guarded` says otherwise.
    init(columns: [String], count: Int, guarded: [Bool]? = nil, pool: StringPool,
         fields: @escaping (_ index: Int) -> [ReportField]) {
        self.columns = columns
        self.count = count
        self.guarded = guarded ?? ReportColumns.guarded(columns)
        self.pool = pool
        self.fields = fields
    }

    /// Lines over an array of typed lines.
    init<Line>(columns: [String], lines: [Line], guarded: [Bool]? = nil, pool: StringPool,
               fields: @escaping (Line) -> [ReportField]) {
        self.init(columns: columns, count: lines.count, guarded: guarded, pool: pool) { fields(lines[$0]) }
    }

    /// The fields of line `index` as printed, without the formula guard (what a workbook cell
    /// or a web page shows).
    func printed(_ index: Int) -> [String] { fields(index).map { $0.printed(pool) } }

    /// Lines `range`, as CSV bytes (no header).
    func csv(_ range: Range<Int>) -> [UInt8] {
        var lines = CSVFieldSink(guarded: guarded, pool: pool)
        for index in range {
            for field in fields(index) { lines.add(field) }
            lines.endLine()
        }
        return lines.bytes
    }

    /// The whole CSV file: header, then every line.
    var csv: [UInt8] { CSVLine.header(columns) + csv(0..<count) }
}
