/// Builds `unmatched.csv` (SPEC §6).
enum UnmatchedReport {
    static let columns = [
        "source", "side", "reason", "report_date", "account_id", "campaign_id", "campaign_name", "country_code",
        "engagement_context", "isrc_raw", "spotify_track_id_raw", "engaged_track_name", "streams",
        "spend_total", "currency", "file", "line",
    ]

    /// Sorted by source, side, reason, report_date, campaign_id, country_code,
    /// engagement_context, spotify_track_id_raw, then file and line (numerically).
    static func table(_ reconciliation: Reconciliation, files: [ExportFile]) -> ReportTable {
        let matcher = reconciliation.matcher
        var table = ReportTable(columns: columns)
        let lines = reconciliation.unmatched.map { line in
            (line: line, fields: [
                line.source.rawValue, line.side.rawValue, line.reason.rawValue, line.header.reportDate.description,
                matcher.text(line.header.accountID), matcher.text(line.header.campaignID),
                matcher.text(line.header.campaignName), matcher.text(line.header.countryCode),
                matcher.text(line.context), matcher.text(line.isrcRaw), matcher.text(line.spotifyRaw),
                line.source == .engagement ? matcher.text(line.engagedTrackName) : "",
                String(line.streams.summable), line.spendTotal?.description ?? "", matcher.text(line.currency),
                files[Int(line.header.origin.file)].path, String(line.header.origin.line),
            ])
        }
        let sortColumns = ["source", "side", "reason", "report_date", "campaign_id", "country_code",
                           "engagement_context", "spotify_track_id_raw", "file"].map(table.index(of:))
        table.rows = lines.sorted { lhs, rhs in
            for index in sortColumns where lhs.fields[index] != rhs.fields[index] {
                return lhs.fields[index].utf8.lexicographicallyPrecedes(rhs.fields[index].utf8)
            }
            return lhs.line.header.origin.line < rhs.line.header.origin.line
        }.map(\.fields)
        return table
    }
}
