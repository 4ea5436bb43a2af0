/// A CSV report: a header, rows of printed fields, and how many leading columns form the grain.
struct ReportTable {
    let columns: [String]
    var rows: [[String]] = []
    /// Columns that can carry input text: protected against spreadsheet formula evaluation
    /// when written (`FormulaGuard`), and sorted as printed.
    private let textColumns: Set<Int>

    /// Column names whose values can be input text (SPEC §13): free text (titles, artists,
    /// campaign and track names); identifiers printed as the raw text when they did not
    /// validate; `account_id`, `campaign_id`, `country_code`; keys that are never validated
    /// (`engagement_context`, playlist ids); catalog names and file paths as given. A valid
    /// identifier is printed normalised and never starts with a guarded character; numbers,
    /// dates, currencies and the tool's own words are never guarded.
    static let inputTextColumns: Set<String> = [
        "target_title", "target_artist", "engaged_title", "engaged_artist", "campaign_name", "engaged_track_name",
        "account_id", "campaign_id", "country_code", "engagement_context",
        "target_isrc", "target_spotify_track_id", "target_playlist_id", "engaged_isrc", "engaged_spotify_track_id",
        "isrc", "spotify_track_id", "target_partner", "engaged_partner", "partner", "catalog", "file",
    ]

    init(columns: [String]) {
        self.columns = columns
        textColumns = Set(columns.indices.filter { Self.inputTextColumns.contains(columns[$0]) })
    }

    /// Sorts rows by the first `grainCount` columns, compared as their printed bytes (empty first).
    mutating func sortByGrain(_ grainCount: Int) {
        let guarded = textColumns
        rows.sort { lhs, rhs in
            for index in 0..<grainCount where lhs[index] != rhs[index] {
                let isGuarded = guarded.contains(index)
                return FormulaGuard.precedes(lhs[index], guarded: isGuarded, rhs[index], guarded: isGuarded)
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

    /// Whether a column can hold input text.
    func isInputText(_ column: Int) -> Bool { textColumns.contains(column) }

    /// One row as a CSV line, input-text columns protected.
    func csvLine(_ row: [String]) -> String { CSVLine.text(row, defused: isInputText) }
}
