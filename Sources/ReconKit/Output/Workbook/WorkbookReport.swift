/// Writes a run's `report.xlsx` (SPEC §12–§13): a `Summary` sheet, then one sheet per report.
enum WorkbookReport {
    /// Lines a long report's sheet holds before it is cut.
    static let sheetCap = 50_000
    /// 1980-01-01T00:00:00Z: the creation time when the period has no last day (0 would mean "now").
    static let fallbackCreated = 315_532_800

    /// The document's creation time: the period's last day at 00:00 UTC, else 1980-01-01.
    static func creationTime(_ period: Period) -> Int {
        period.to.map { Int($0.daysSinceEpoch) * 86_400 } ?? fallbackCreated
    }

    /// Writes the workbook to `path`; `sheets` follow `Summary` in the order given.
    static func write(path: String, displayPath: String, summary: RunSummary, sheets: [WorkbookSheet]) throws {
        let workbook = try Workbook(path: path, displayPath: displayPath, created: creationTime(summary.settings.period))
        let (rows, bold) = summaryRows(summary, sheets: sheets)
        try workbook.addPlain("Summary", rows: rows, boldRows: bold, widths: [34, 16, 16, 16, 16])
        for sheet in sheets { try workbook.add(sheet) }
        try workbook.close()
    }

    /// The `Summary` sheet: the run, its inputs, money per currency, the gates, and every cut sheet.
    static func summaryRows(_ summary: RunSummary, sheets: [WorkbookSheet]) -> (rows: [[WorkbookCell]], bold: Set<Int>) {
        var rows: [[WorkbookCell]] = []
        var bold: Set<Int> = []
        func heading(_ cells: [String]) {
            if !rows.isEmpty { rows.append([]) }
            bold.insert(rows.count)
            rows.append(cells.map { .text($0) })
        }
        func count(_ value: some BinaryInteger) -> WorkbookCell { .count(String(value)) }

        heading(["soundlink-recon report"])
        rows.append([.text("version"), .text(RunSummary.toolVersion)])
        rows.append([.text("period"), .text(summary.settings.period.description)])
        rows.append([.text("gates"), .text(summary.passed ? "every enabled gate passed" : "a gate failed")])

        heading(["inputs", "breakdown", "engagement"])
        let (breakdown, engagement) = (summary.breakdown, summary.engagement)
        for (name, pick) in [("files", \SourceCounts.files), ("lines", \.lines), ("blank", \.blank),
                             ("rejected", \.rejected), ("superseded", \.superseded), ("out of period", \.outOfPeriod),
                             ("filtered", \.filtered), ("kept", \.kept), ("provisional", \.provisional)] {
            rows.append([.text(name), count(breakdown[keyPath: pick]), count(engagement[keyPath: pick])])
        }
        rows.append([.text("streams"), count(summary.breakdownStreams), count(summary.engagementStreams)])

        heading(["currency", "spend_media", "fees", "spend_total", "unmatched_rate"])
        for (code, totals) in summary.currencies {
            rows.append([.text(code), .money(totals.spendMedia.description), .money(totals.fees.description),
                         .money(totals.spendTotal.description), .share(totals.unmatchedRate.description)])
        }

        heading(["gate", "threshold", "value", "result"])
        for gate in summary.gates {
            rows.append([.text(gate.name), gate.threshold.map { .text($0) } ?? .empty, .text(gate.value),
                         .text(!gate.enabled ? "not enabled" : gate.passed ? "pass" : "FAIL")])
        }

        heading(["cut sheets", "shown", "lines", "full list"])
        let cut = sheets.filter(\.isCut)
        if cut.isEmpty { rows.append([.text("no sheet is cut: every sheet holds its whole report")]) }
        for sheet in cut {
            rows.append([.text(sheet.name), count(sheet.shownLines), count(sheet.lineCount), .text(sheet.file)])
        }
        return (rows, bold)
    }
}
