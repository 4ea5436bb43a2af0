/// Builds `catalog_issues.csv`: catalog order, then line, then kind (already the load order).
enum CatalogIssueReport {
    static let columns = ["catalog", "line", "kind", "isrc", "spotify_track_id", "detail"]

    static func table(_ catalogs: CatalogSet) -> ReportTable {
        var table = ReportTable(columns: columns)
        table.rows = catalogs.issues.map { issue in
            [issue.catalog, String(issue.line), issue.kind.rawValue, issue.isrc, issue.spotifyTrackID, issue.detail]
        }
        return table
    }
}
