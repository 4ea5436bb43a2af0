/// `catalog_issues.csv`: catalog order, then line, then kind (already the load order).
enum CatalogIssueReport {
    static let columns = ["catalog", "line", "kind", "isrc", "spotify_track_id", "detail"]

    /// The issues as printed.
    static func report(_ catalogs: CatalogSet, pool: StringPool) -> ReportLines {
        ReportLines(columns: columns, lines: catalogs.issues, pool: pool) { issue in
            [.text(issue.catalog), .integer(issue.line), .text(issue.kind.rawValue), .text(issue.isrc),
             .text(issue.spotifyTrackID), .text(issue.detail)]
        }
    }
}
