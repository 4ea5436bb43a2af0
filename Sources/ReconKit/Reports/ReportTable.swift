/// A CSV report: a header, rows of printed fields, and how many leading columns form the grain.
struct ReportTable {
    let columns: [String]
    var rows: [[String]] = []
    /// Columns that can carry input text: protected against spreadsheet formula evaluation when written.
    private let textColumns: Set<Int>

    /// Column names whose values can carry input text (SPEC §13): free text, identifiers that
    /// print their raw text when invalid, and key fields. Valid identifiers never start like a
    /// formula, so protecting the whole column changes only raw text. `recon.sql` protects the same.
    static let freeTextColumns: Set<String> = [
        "target_title", "target_artist", "engaged_title", "engaged_artist", "campaign_name", "engaged_track_name",
        "target_isrc", "target_spotify_track_id", "target_playlist_id", "engaged_isrc", "engaged_spotify_track_id",
        "isrc_raw", "spotify_track_id_raw", "isrc", "spotify_track_id", "account_id", "campaign_id",
        "country_code", "engagement_context",
    ]

    init(columns: [String]) {
        self.columns = columns
        textColumns = Set(columns.indices.filter { Self.freeTextColumns.contains(columns[$0]) })
    }

    /// Sorts rows by the first `grainCount` columns, compared as byte strings (empty first).
    mutating func sortByGrain(_ grainCount: Int) {
        rows.sort { lhs, rhs in
            for index in 0..<grainCount where lhs[index] != rhs[index] {
                return lhs[index].utf8.lexicographicallyPrecedes(rhs[index].utf8)
            }
            return false
        }
    }

    /// The column's index by name.
    func index(of column: String) -> Int { columns.firstIndex(of: column)! }

    /// RFC 4180 text with minimal quoting, LF line ends.
    var csv: String {
        var text = csvHeader
        for row in rows { text += csvLine(row) }
        return text
    }

    /// The header line.
    var csvHeader: String { CSVLine.text(columns) }

    /// Whether a column holds free text from the inputs.
    func isFreeText(_ column: Int) -> Bool { textColumns.contains(column) }

    /// One row as a CSV line, free-text columns protected.
    func csvLine(_ row: [String]) -> String { CSVLine.text(row, defused: isFreeText) }
}
