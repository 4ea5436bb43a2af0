/// One data sheet of `report.xlsx`: a report's header and lines in CSV order, typed per
/// column, cut after `cap` lines (the CSV named by `file` stays complete).
struct WorkbookSheet {
    /// The sheet's tab name.
    let name: String
    /// The CSV file the sheet shows, named in the cut row.
    let file: String
    let columns: [String]
    /// Lines in the report (the CSV's, without the header).
    let lineCount: Int
    /// At most this many lines are written; nil writes every line.
    let cap: Int?
    /// The printed fields of line `index`.
    let fields: (_ index: Int) -> [String]
    /// The cell kind of each column, by its name.
    let kinds: [WorkbookCell.Kind]
    /// The kind of one field when it depends on the line (e.g. a reconciliation line's `measure`);
    /// nil uses `kinds`.
    let kindOf: ((_ fields: [String], _ column: Int) -> WorkbookCell.Kind)?

    /// A sheet over any line source; kinds come from the column names unless `kindOf` decides per line.
    init(_ name: String, file: String, columns: [String], lineCount: Int, cap: Int? = nil,
         kindOf: ((_ fields: [String], _ column: Int) -> WorkbookCell.Kind)? = nil,
         fields: @escaping (_ index: Int) -> [String]) {
        self.name = name
        self.file = file
        self.columns = columns
        self.lineCount = lineCount
        self.cap = cap
        self.fields = fields
        self.kindOf = kindOf
        kinds = columns.map(WorkbookCell.Kind.init(column:))
    }

    /// A sheet showing a built report table: one line per sheet added to a workbook.
    init(_ name: String, file: String, table: ReportTable, cap: Int? = nil,
         kindOf: ((_ fields: [String], _ column: Int) -> WorkbookCell.Kind)? = nil) {
        self.init(name, file: file, columns: table.columns, lineCount: table.rows.count, cap: cap, kindOf: kindOf) {
            table.rows[$0]
        }
    }

    /// The cell for field `column` of a line.
    func cell(_ fields: [String], _ column: Int) -> WorkbookCell {
        (kindOf?(fields, column) ?? kinds[column]).cell(fields[column])
    }

    /// True when the report has more lines than the sheet shows.
    var isCut: Bool { lineCount > shownLines }

    /// Lines written to the sheet.
    var shownLines: Int { min(lineCount, cap ?? lineCount) }

    /// The text of the cut row's first cell.
    var cutNotice: String { "… \(lineCount - shownLines) more lines in \(file)" }
}
