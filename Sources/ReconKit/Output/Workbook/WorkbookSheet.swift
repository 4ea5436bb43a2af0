/// One data sheet of `report.xlsx`: a report's header and typed lines in CSV order, cut after
/// `cap` lines (the CSV named by `file` stays complete).
struct WorkbookSheet {
    /// The sheet's tab name.
    let name: String
    /// The CSV file the sheet shows, named in the cut row.
    let file: String
    /// The report, the same typed lines its CSV is written from.
    let report: ReportLines
    /// At most this many lines are written; nil writes every line.
    let cap: Int?
    /// Each column's kind by its name, which sets the column's width (a cell's kind comes from its field).
    let kinds: [WorkbookCell.Kind]

    init(_ name: String, file: String, report: ReportLines, cap: Int? = nil) {
        self.name = name
        self.file = file
        self.report = report
        self.cap = cap
        kinds = report.columns.map(WorkbookCell.Kind.init(column:))
    }

    var columns: [String] { report.columns }

    /// Lines in the report (the CSV's, without the header).
    var lineCount: Int { report.count }

    /// The cells of line `index`: counts and money as numbers, text as text.
    func cells(_ index: Int) -> [WorkbookCell] {
        report.fields(index).map { WorkbookCell($0, pool: report.pool) }
    }

    /// True when the report has more lines than the sheet shows.
    var isCut: Bool { lineCount > shownLines }

    /// Lines written to the sheet.
    var shownLines: Int { min(lineCount, cap ?? lineCount) }

    /// The text of the cut row's first cell.
    var cutNotice: String { "… \(lineCount - shownLines) more lines in \(file)" }
}
