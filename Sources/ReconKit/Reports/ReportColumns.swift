/// Which report columns carry input text, and so get the formula guard (SPEC §13) in the
/// CSVs and in the SQL views that reproduce them.
enum ReportColumns {
    /// Column names whose values can be input text (SPEC §13): free text (titles, artists,
    /// campaign and track names); identifiers printed as the raw text when they did not
    /// validate; `account_id`, `campaign_id`, `country_code`; keys that are never validated
    /// (`engagement_context`, playlist ids); catalog names and file paths as given. A valid
    /// identifier is printed normalised and never starts with a guarded character; numbers,
    /// dates, currencies and the tool's own words are never guarded.
    static let inputText: Set<String> = [
        "target_title", "target_artist", "engaged_title", "engaged_artist", "campaign_name", "engaged_track_name",
        "account_id", "campaign_id", "country_code", "engagement_context",
        "target_isrc", "target_spotify_track_id", "target_playlist_id", "engaged_isrc", "engaged_spotify_track_id",
        "isrc", "spotify_track_id", "target_partner", "engaged_partner", "partner", "catalog", "file",
    ]

    /// For each column, whether it carries input text.
    static func guarded(_ columns: [String]) -> [Bool] { columns.map(inputText.contains) }
}
