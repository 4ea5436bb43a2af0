/// `row_checks.csv` (SPEC §10): kept breakdown rows in the period whose `spend_total` differs
/// from `spend_media + fees` by more than a cent. The rows are still reported normally.
struct RowChecks {
    static let columns = [
        "check", "report_date", "campaign_id", "country_code", "currency", "spend_media", "fees", "spend_total",
        "difference", "file", "line",
    ]
    /// Campaign and country codes are input text, protected against formula evaluation (the file is not).
    static let guarded = columns.indices.map { $0 == 2 || $0 == 3 }
    /// More than this many micro-units apart is listed; exactly a cent is not.
    static let tolerance: Int128 = 10_000

    /// One listed row and its `spend_total − (spend_media + fees)`.
    struct Line {
        let row: BreakdownRow
        let difference: Int128
    }

    /// The lines, sorted by report_date, campaign_id, country_code, file (each as printed, as bytes), then line.
    private(set) var lines: [Line] = []

    init(rows: some Collection<BreakdownRow>, period: Period, pool: StringPool, files: [ExportFile]) {
        var found: [Line] = []
        for row in rows where period.contains(row.header.reportDate) {
            let difference = Int128(row.spendTotal.micros) - Int128(row.spendMedia.micros) - Int128(row.fees.micros)
            if difference.magnitude > Self.tolerance.magnitude { found.append(Line(row: row, difference: difference)) }
        }
        // Ranked as printed (SPEC §13): text that starts like a formula sorts with its `'`.
        let campaigns = TextRanks.formulaGuarded(found.lazy.map(\.row.header.campaignID), pool: pool)
        let countries = TextRanks.formulaGuarded(found.lazy.map(\.row.header.countryCode), pool: pool)
        let fileOrder = files.indices.sorted { files[$0].path.utf8.lexicographicallyPrecedes(files[$1].path.utf8) }
        var fileRanks = [Int](repeating: 0, count: files.count)
        for (position, index) in fileOrder.enumerated() where position > 0 {
            let samePath = files[fileOrder[position - 1]].path.utf8.elementsEqual(files[index].path.utf8)
            fileRanks[index] = fileRanks[fileOrder[position - 1]] + (samePath ? 0 : 1)
        }
        lines = found.map { line in
            let header = line.row.header
            return ((header.reportDate, campaigns[header.campaignID], countries[header.countryCode],
                     fileRanks[header.origin.file], header.origin.line), line)
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The lines as printed.
    func report(pool: StringPool, files: [ExportFile]) -> ReportLines {
        ReportLines(columns: Self.columns, lines: lines, guarded: Self.guarded, pool: pool) { line in
            let (row, header) = (line.row, line.row.header)
            return [
                .text("fee_sum"), .text(header.reportDate.description), .pooled(header.campaignID),
                .pooled(header.countryCode), .pooled(row.currency), .amount(row.spendMedia), .amount(row.fees),
                .amount(row.spendTotal), .money(MoneyTotal(micros: line.difference)),
                .text(files[header.origin.file].path), .integer(header.origin.line),
            ]
        }
    }
}
