import CLibXlsxWriter

/// An `.xlsx` file written with libxlsxwriter in `constant_memory` mode: rows go to
/// disk as they are written, so a sheet of any length costs one row of memory.
///
/// Every `lxw_error` the library returns becomes a `ReconError.output` naming the file.
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let displayPath: String
    private let header: UnsafeMutablePointer<lxw_format>
    private let moneyFormat: UnsafeMutablePointer<lxw_format>
    private let shareFormat: UnsafeMutablePointer<lxw_format>
    private let noteFormat: UnsafeMutablePointer<lxw_format>

    /// Longest text a cell may hold (Excel's limit, in characters).
    static let maxTextLength = 32_767

    /// Creates the file; `created` (seconds since 1970, UTC) is the document's fixed creation time.
    init(path: String, displayPath: String, created: Int) throws {
        self.displayPath = displayPath
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
        guard let handle = workbook_new_opt(path, &options) else {
            throw ReconError.output(path: displayPath, reason: "cannot create the workbook")
        }
        self.handle = handle
        func format(_ setup: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
            let format = workbook_add_format(handle)!
            setup(format)
            return format
        }
        header = format { format_set_bold($0); format_set_bg_color($0, 0xDDE5F0) }
        moneyFormat = format { format_set_num_format($0, "#,##0.00") }
        shareFormat = format { format_set_num_format($0, "0.000000") }
        noteFormat = format { format_set_italic($0) }
        var properties = lxw_doc_properties()
        properties.created = time_t(created)
        try "soundlink-recon report".withCString { title in
            properties.title = UnsafeMutablePointer(mutating: title)
            try check(workbook_set_properties(handle, &properties), "document properties")
        }
    }

    deinit {
        // A workbook that was not closed (an error on the way) is freed without a usable file.
        if let handle { workbook_close(handle) }
    }

    /// Adds a data sheet: the header row bold, frozen and filtered, then the lines, then the cut row.
    func add(_ sheet: WorkbookSheet) throws {
        let worksheet = try addWorksheet(sheet.name)
        let sample = (0..<min(sheet.shownLines, 200)).map(sheet.report.printed)
        let width = try setWidths(worksheet, columns: sheet.columns, sample: sample, kinds: sheet.kinds)
        // Printed one page wide when that keeps the text readable (about 160 characters across).
        if width <= 160 { worksheet_fit_to_pages(worksheet, 1, 0) }
        for (column, name) in sheet.columns.enumerated() {
            try write(.text(name), to: worksheet, row: 0, column: column, format: header)
        }
        for index in 0..<sheet.shownLines {
            for (column, cell) in sheet.cells(index).enumerated() {
                try write(cell, to: worksheet, row: index + 1, column: column)
            }
        }
        worksheet_freeze_panes(worksheet, 1, 0)
        worksheet_set_landscape(worksheet)
        try check(worksheet_repeat_rows(worksheet, 0, 0), "\(sheet.name) print titles")
        let lastColumn = lxw_col_t(max(0, sheet.columns.count - 1))
        try check(worksheet_autofilter(worksheet, 0, 0, lxw_row_t(sheet.shownLines), lastColumn), "\(sheet.name) filter")
        if sheet.isCut {
            try write(.text(sheet.cutNotice), to: worksheet, row: sheet.shownLines + 1, column: 0, format: noteFormat)
        }
    }

    /// Adds a sheet of free-form rows (no frozen header, no filter), e.g. the summary; printed one page wide.
    func addPlain(_ name: String, rows: [[WorkbookCell]], boldRows: Set<Int> = [], widths: [Double]) throws {
        let worksheet = try addWorksheet(name)
        worksheet_set_landscape(worksheet)
        worksheet_fit_to_pages(worksheet, 1, 0)
        for (column, width) in widths.enumerated() {
            try check(worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil), "\(name) widths")
        }
        for (index, cells) in rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                try write(cell, to: worksheet, row: index, column: column, format: boldRows.contains(index) ? header : nil)
            }
        }
    }

    /// Writes the file; the workbook cannot be used afterwards.
    func close() throws {
        guard let handle else { return }
        self.handle = nil
        try check(workbook_close(handle), "writing the file")
    }

    private func addWorksheet(_ name: String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard let handle, let worksheet = workbook_add_worksheet(handle, name) else {
            throw ReconError.output(path: displayPath, reason: "cannot add the sheet '\(name)'")
        }
        return worksheet
    }

    /// Sets each column's width from its header and the first lines; returns the total width.
    private func setWidths(_ worksheet: UnsafeMutablePointer<lxw_worksheet>, columns: [String], sample: [[String]],
                           kinds: [WorkbookCell.Kind]) throws -> Double {
        var total = 0.0
        for (column, name) in columns.enumerated() {
            let longest = sample.reduce(name.count + 3) { max($0, $1[column].count + (kinds[column] == .text ? 1 : 3)) }
            let width = Double(min(48, max(8, longest)))
            total += width
            try check(worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil), "column widths")
        }
        return total
    }

    private func write(_ cell: WorkbookCell, to worksheet: UnsafeMutablePointer<lxw_worksheet>, row: Int, column: Int,
                       format: UnsafeMutablePointer<lxw_format>? = nil) throws {
        let (row, column) = (lxw_row_t(row), lxw_col_t(column))
        let status: lxw_error
        switch cell {
        case .empty: return
        case let .text(text): status = worksheet_write_string(worksheet, row, column, Self.cellText(text), format)
        case let .count(digits):
            guard let value = Double(digits) else { return try write(.text(digits), to: worksheet, row: Int(row), column: Int(column)) }
            status = worksheet_write_number(worksheet, row, column, value, format)
        case let .money(text), let .share(text):
            // The nearest double of the exact decimal text (Swift's parse is correctly rounded); the CSV stays exact.
            guard let value = Double(text) else { return try write(.text(text), to: worksheet, row: Int(row), column: Int(column)) }
            let numberFormat = if case .money = cell { moneyFormat } else { shareFormat }
            status = worksheet_write_number(worksheet, row, column, value, format ?? numberFormat)
        }
        try check(status, "cell \(row + 1):\(column + 1)")
    }

    /// The text a string cell is given so that a reader gets `text` back: cut to Excel's cell
    /// limit, a literal `_xHHHH_` escaped as `_x005F_xHHHH_` (readers decode `_xHHHH_`, and
    /// libxlsxwriter escapes only control characters), and NUL (which a C string cannot carry)
    /// written as U+FFFD, as the CSVs write it.
    static func cellText(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars.prefix(maxTextLength + 1))
        if scalars.count > maxTextLength { scalars.removeLast(scalars.count - maxTextLength) }
        guard scalars.contains("_") || scalars.contains("\0") else { return scalars.count == text.unicodeScalars.count ? text : String(String.UnicodeScalarView(scalars)) }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\0" {
                result.append("\u{FFFD}")
            } else if scalar == "_", isEscapeLike(scalars, at: index) {
                result.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `_x` + four hex digits + `_` starts at `index`.
    private static func isEscapeLike(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Turns a libxlsxwriter status into the project's error, naming the file and the step.
    private func check(_ status: lxw_error, _ step: String) throws {
        guard status != LXW_NO_ERROR else { return }
        throw ReconError.output(path: displayPath, reason: "\(step): \(String(cString: lxw_strerror(status)))")
    }
}
