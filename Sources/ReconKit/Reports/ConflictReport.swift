/// `conflicts.csv`: rows that share a primary key and an `exported_at` but report different
/// values. The tie rule still keeps the row read last (SPEC §4); this list shows where the
/// result depends on that order, so that ops can ask Soundlink which export is right.
struct ConflictReport {
    static let header = [
        "source", "report_date", "account_id", "campaign_id", "country_code", "engagement_context",
        "engaged_spotify_track_id", "exported_at", "kept_file", "kept_line", "other_file", "other_line",
    ]

    private(set) var lines: [[String]] = []

    /// Adds the conflicts of one source; `files` maps a row's file index to its path.
    mutating func add<Row: ExportRow>(
        source: String, rows: ChunkedRows<Row>, conflicts: [Int: [RowOrigin]], pool: StringPool, files: [String],
        details: (Row) -> (context: String, engagedTrack: String)
    ) {
        for position in conflicts.keys.sorted() {
            let row = rows[position]
            let header = row.header
            let extra = details(row)
            for other in conflicts[position] ?? [] {
                lines.append([
                    source, header.reportDate.description, pool.string(header.accountID), pool.string(header.campaignID),
                    pool.string(header.countryCode), extra.context, extra.engagedTrack,
                    header.exportedAt?.description ?? "", files[Int(header.origin.file)], String(header.origin.line),
                    files[Int(other.file)], String(other.line),
                ])
            }
        }
    }

    var count: Int { lines.count }

    /// The CSV text; free-text columns that start like a formula get a `'`.
    var csv: String {
        let defused: Set<Int> = [2, 3, 4, 5, 6, 8, 10]
        return ([Self.header] + lines).map { CSVLine.text($0, defused: defused.contains) }.joined()
    }
}
