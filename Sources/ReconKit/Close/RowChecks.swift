/// `row_checks.csv` (SPEC §10): kept breakdown rows in the period whose `spend_total` differs
/// from `spend_media + fees` by more than a cent. The rows are still reported normally.
struct RowChecks {
    static let columns = [
        "check", "report_date", "campaign_id", "country_code", "currency", "spend_media", "fees", "spend_total",
        "difference", "file", "line",
    ]
    /// More than this many micro-units apart is listed; exactly a cent is not.
    static let tolerance: Int128 = 10_000

    /// The printed lines, sorted by report_date, campaign_id, country_code, file, then line.
    private(set) var lines: [[String]] = []

    init(rows: some Collection<BreakdownRow>, period: Period, pool: StringPool, files: [ExportFile]) {
        var found: [(row: BreakdownRow, difference: Int128)] = []
        for row in rows where period.contains(row.header.reportDate) {
            let difference = Int128(row.spendTotal.micros) - Int128(row.spendMedia.micros) - Int128(row.fees.micros)
            if difference.magnitude > Self.tolerance.magnitude { found.append((row, difference)) }
        }
        var printed = found.map { row, difference -> (fields: [String], line: Int) in
            let header = row.header
            return ([
                "fee_sum", header.reportDate.description, pool.string(header.campaignID), pool.string(header.countryCode),
                pool.string(row.currency), row.spendMedia.description, row.fees.description, row.spendTotal.description,
                MoneyTotal(micros: difference).description, files[Int(header.origin.file)].path, String(header.origin.line),
            ], Int(header.origin.line))
        }
        printed.sort { lhs, rhs in
            for index in [1, 2, 3, 9] where lhs.fields[index] != rhs.fields[index] {
                return lhs.fields[index].utf8.lexicographicallyPrecedes(rhs.fields[index].utf8)
            }
            return lhs.line < rhs.line
        }
        lines = printed.map(\.fields)
    }

    /// The CSV text; campaign and country codes are input text, protected against formula evaluation.
    var csv: String {
        var text = CSVLine.text(Self.columns)
        for line in lines { text += CSVLine.text(line, defused: { $0 == 2 || $0 == 3 }) }
        return text
    }
}
