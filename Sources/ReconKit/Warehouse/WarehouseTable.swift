/// One input table of `recon.sql`: the NDJSON file the tool writes and the columns the engines load.
///
/// The row writers and every dialect's load statement are built from this one description,
/// so a file and its schema cannot drift apart.
public struct WarehouseTable: Sendable, Equatable {
    /// A column's type as the engines load it.
    public enum ColumnType: Sendable, Equatable {
        case text
        /// A 64-bit integer (counts, micro-units of money, positions); null where absent.
        case integer
        case boolean
    }

    public struct Column: Sendable, Equatable {
        public let name: String
        public let type: ColumnType
    }

    public let name: String
    public let columns: [Column]

    /// The file in the output folder.
    public var file: String { name + ".ndjson" }

    init(_ name: String, _ columns: [(String, ColumnType)]) {
        self.name = name
        self.columns = columns.map { Column(name: $0.0, type: $0.1) }
    }

    /// Each key a catalog claimed (SPEC §3), with the printed columns of the entry that owns it.
    public static let catalogKeys = WarehouseTable("catalog_keys", [
        ("key_kind", .text), ("claimed_key", .text), ("entry_index", .integer), ("partner", .text),
        ("isrc", .text), ("spotify_track_id", .text), ("title", .text), ("artist", .text),
    ])

    /// The export files in read order, with the path as given (for `unmatched.csv`).
    public static let exportFiles = WarehouseTable("export_files", [("file_index", .integer), ("path", .text)])

    /// Fields both sources share. Key fields are exactly as written; `report_day` is days since
    /// 1970-01-01; `exported_at` is the instant in seconds and nanoseconds (null when absent).
    /// A side's `*_reason` is what it is unmatched for when no catalog claims its valid keys.
    private static let header: [(String, ColumnType)] = [
        ("file_index", .integer), ("line_number", .integer),
        ("provider", .text), ("account_id", .text), ("report_date", .text), ("report_day", .integer),
        ("campaign_id", .text), ("country_code", .text), ("campaign_name", .text),
        ("exported_at_seconds", .integer), ("exported_at_nanos", .integer),
        ("target_is_playlist", .boolean), ("target_playlist_id", .text),
        ("target_isrc_raw", .text), ("target_isrc", .text),
        ("target_spotify_raw", .text), ("target_spotify", .text), ("target_reason", .text),
    ]

    /// Every breakdown row read (kept or superseded), validated and normalised.
    public static let breakdownRows = WarehouseTable("breakdown_rows", header + [
        ("currency", .text),
        ("impressions", .integer), ("ad_clicks", .integer), ("link_clicks", .integer),
        ("streams", .integer), ("listeners", .integer), ("followers", .integer),
        ("spend_media", .integer), ("fees", .integer), ("spend_total", .integer),
    ])

    /// Every engagement row read (kept or superseded), validated and normalised.
    public static let engagementRows = WarehouseTable("engagement_rows", header + [
        ("engagement_context", .text),
        ("engaged_isrc_raw", .text), ("engaged_isrc", .text),
        ("engaged_spotify_raw", .text), ("engaged_spotify", .text), ("engaged_reason", .text),
        ("engaged_track_name", .text),
        ("streams", .integer), ("listeners", .integer),
        ("new_listener_streams", .integer), ("returning_listener_streams", .integer),
    ])

    public static let all = [catalogKeys, exportFiles, breakdownRows, engagementRows]
}
