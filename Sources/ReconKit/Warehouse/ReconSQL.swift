/// Writes `recon.sql`: de-duplication, period and context filters, matching (SPEC §5) and
/// aggregation (SPEC §6) over the warehouse tables, as views `territories`, `tracks`,
/// `partners` and `unmatched` whose columns are the CSV reports' columns, every value text.
///
/// The rules are written here once; `SQLDialect` supplies the few spellings that differ.
public struct ReconSQL {
    let dialect: SQLDialect
    let period: Period
    let engagementContext: EngagementContext?

    public init(dialect: SQLDialect, period: Period, engagementContext: EngagementContext?) {
        self.dialect = dialect
        self.period = period
        self.engagementContext = engagementContext
    }

    /// The whole script: a comment block, then statements each ending with `;` at the end of a line.
    public var script: String {
        header + "\n" + statements.map { $0 + ";\n" }.joined(separator: "\n")
    }

    /// The statements, without their terminating `;`.
    public var statements: [String] {
        let loads = WarehouseTable.all.compactMap { dialect.load($0, dialect) }
        return loads + [
            keyIndex("isrc_index", kind: "isrc"),
            keyIndex("spotify_index", kind: "spotify_id"),
            latest("breakdown_latest", from: WarehouseTable.breakdownRows, key: Self.breakdownKey),
            latest("engagement_latest", from: WarehouseTable.engagementRows, key: Self.engagementKey),
            kept("breakdown_kept", from: "breakdown_latest", context: nil),
            kept("engagement_kept", from: "engagement_latest", context: engagementContext),
            breakdownMatched, engagementMatched,
            territorySums, territories,
            trackDays, trackSums, tracks,
            partnerSums, partnerShares, partners,
            unmatched,
        ]
    }

    static let breakdownKey = ["provider", "account_id", "report_date", "campaign_id", "country_code"]
    static let engagementKey = [
        "provider", "account_id", "report_date", "campaign_id", "engagement_context", "country_code",
        "engaged_spotify_raw",
    ]

    // MARK: - Script header

    private var header: String {
        var lines = [
            "-- soundlink-recon \(RunSummary.toolVersion): the reconciliation of SPEC §4-§6 in \(dialect.name.rawValue) SQL.",
            "-- Views territories, tracks, partners and unmatched hold the lines of the CSV reports",
            "-- of `soundlink-recon run` on the same inputs (order aside), every value as text.",
            "-- Period: \(period.description); engagement context: \(engagementContext?.rawValue ?? "all").",
        ]
        switch dialect.name {
        case .duckdb:
            lines += ["-- Run in this folder: duckdb recon.db < recon.sql (or .read recon.sql)."]
        case .spark:
            lines += ["-- Run in this folder, in one session (the views are temporary): spark-sql -f recon.sql"]
        case .bigquery:
            lines += [
                "-- Load the tables into dataset recon first, from this folder:",
                "--   bq mk --dataset recon",
            ]
            lines += WarehouseTable.all.map { "--   " + dialect.loadCommand($0) }
            lines += ["-- then: bq query --use_legacy_sql=false < recon.sql"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Rows

    private func keyIndex(_ name: String, kind: String) -> String {
        """
        \(dialect.createView(name))
        SELECT claimed_key, entry_index, partner, isrc, spotify_track_id, title, artist
        FROM \(dialect.relation(WarehouseTable.catalogKeys.name)) WHERE key_kind = '\(kind)'
        """
    }

    /// One row per primary key: the greatest `exported_at` wins, an absent one loses to any
    /// present one, and a tie goes to the row read last (file, then line).
    private func latest(_ name: String, from table: WarehouseTable, key: [String]) -> String {
        let order = """
            CASE WHEN exported_at_seconds IS NULL THEN 0 ELSE 1 END DESC, exported_at_seconds DESC, \
            exported_at_nanos DESC, file_index DESC, line_number DESC
            """
        return dialect.createView(name) + "\n"
            + dialect.firstPerPartition(dialect.relation(table.name), key.joined(separator: ", "), order)
    }

    /// Rows in the period (and of the context); provisional when exported before the report
    /// date + 8 days at 00:00 UTC, or with no `exported_at`.
    private func kept(_ name: String, from source: String, context: EngagementContext?) -> String {
        var conditions: [String] = []
        if let from = period.from { conditions.append("report_day >= \(from.daysSinceEpoch)") }
        if let to = period.to { conditions.append("report_day <= \(to.daysSinceEpoch)") }
        if let context { conditions.append("engagement_context = '\(context.rawValue)'") }
        return """
            \(dialect.createView(name))
            SELECT *, (exported_at_seconds IS NULL OR exported_at_seconds < (report_day + 8) * 86400) AS provisional
            FROM \(dialect.relation(source))\(conditions.isEmpty ? "" : "\nWHERE " + conditions.joined(separator: " AND "))
            """
    }

    // MARK: - Matching

    /// The columns of one side (`t_…` target, `e_…` engaged track) after matching: ISRC first,
    /// then the Spotify id; a playlist target is `playlist`.
    private func side(_ prefix: String, raw: String, playlist: String?, isrcIndex: String, spotifyIndex: String)
        -> [String] {
        let isPlaylist = playlist ?? "FALSE"
        // The value for a playlist target, an entry found by ISRC, one found by Spotify id, or none.
        func choose(_ playlistValue: String, isrc: String, spotify: String, unmatched: String) -> String {
            """
            CASE WHEN \(isPlaylist) THEN \(playlistValue) \
            WHEN \(isrcIndex).entry_index IS NOT NULL THEN \(isrc) \
            WHEN \(spotifyIndex).entry_index IS NOT NULL THEN \(spotify) ELSE \(unmatched) END
            """
        }
        func entry(_ column: String, unmatched: String) -> String {
            choose("''", isrc: "\(isrcIndex).\(column)", spotify: "\(spotifyIndex).\(column)", unmatched: unmatched)
        }
        return [
            choose("'playlist'", isrc: "'isrc'", spotify: "'spotify_id'", unmatched: "'unmatched'") + " AS \(prefix)_match",
            choose("-1", isrc: "\(isrcIndex).entry_index", spotify: "\(spotifyIndex).entry_index", unmatched: "-1")
                + " AS \(prefix)_entry",
            choose("''", isrc: "''", spotify: "''", unmatched: "r.\(raw)_reason") + " AS \(prefix)_reason",
            entry("partner", unmatched: "''") + " AS \(prefix)_partner",
            entry("isrc", unmatched: "COALESCE(r.\(raw)_isrc, r.\(raw)_isrc_raw)") + " AS \(prefix)_isrc",
            entry("spotify_track_id", unmatched: "COALESCE(r.\(raw)_spotify, r.\(raw)_spotify_raw)") + " AS \(prefix)_spotify",
            "CASE WHEN \(isPlaylist) THEN \(playlist == nil ? "''" : "r.target_playlist_id") ELSE '' END AS \(prefix)_playlist_id",
            entry("title", unmatched: "''") + " AS \(prefix)_title",
            entry("artist", unmatched: "''") + " AS \(prefix)_artist",
        ]
    }

    private var breakdownMatched: String {
        let columns = ["r.*"] + side("t", raw: "target", playlist: "r.target_is_playlist", isrcIndex: "ti", spotifyIndex: "ts")
        return """
            \(dialect.createView("breakdown_matched"))
            SELECT \(columns.joined(separator: ",\n    "))
            FROM \(dialect.relation("breakdown_kept")) r
            LEFT JOIN \(dialect.relation("isrc_index")) ti ON ti.claimed_key = r.target_isrc
            LEFT JOIN \(dialect.relation("spotify_index")) ts ON ts.claimed_key = r.target_spotify
            """
    }

    private var engagementMatched: String {
        let columns = ["r.*"]
            + side("t", raw: "target", playlist: "r.target_is_playlist", isrcIndex: "ti", spotifyIndex: "ts")
            + side("e", raw: "engaged", playlist: nil, isrcIndex: "ei", spotifyIndex: "es")
        return """
            \(dialect.createView("engagement_matched"))
            SELECT \(columns.joined(separator: ",\n    "))
            FROM \(dialect.relation("engagement_kept")) r
            LEFT JOIN \(dialect.relation("isrc_index")) ti ON ti.claimed_key = r.target_isrc
            LEFT JOIN \(dialect.relation("spotify_index")) ts ON ts.claimed_key = r.target_spotify
            LEFT JOIN \(dialect.relation("isrc_index")) ei ON ei.claimed_key = r.engaged_isrc
            LEFT JOIN \(dialect.relation("spotify_index")) es ON es.claimed_key = r.engaged_spotify
            """
    }

    /// The grain identity of a side: its printed columns plus the entry and reason, like `SideKey`.
    private func sideGrain(_ prefix: String, playlist: Bool) -> [String] {
        ["match", "entry", "reason", "partner", "isrc", "spotify"].map { "\(prefix)_\($0)" }
            + (playlist ? ["\(prefix)_playlist_id"] : []) + ["\(prefix)_title", "\(prefix)_artist"]
    }

    // MARK: - Aggregation

    /// `SUM` in DECIMAL(38,0); a null count adds 0.
    private func sum(_ column: String) -> String {
        "SUM(CAST(COALESCE(\(column), 0) AS \(dialect.sumType)))"
    }

    private func count(_ expression: String) -> String { "COUNT(\(expression))" }

    private var territoryGrain: [String] { sideGrain("t", playlist: true) + ["country_code", "currency"] }

    private var territorySums: String {
        let measures = [
            "COUNT(DISTINCT campaign_id) AS campaigns", "COUNT(DISTINCT report_date) AS days", "COUNT(*) AS row_count",
        ] + ["impressions", "ad_clicks", "link_clicks", "streams", "listeners", "followers", "spend_media", "fees",
             "spend_total"].map { "\(sum($0)) AS \($0)" }
            + ["SUM(CASE WHEN provisional THEN 1 ELSE 0 END) AS provisional_rows"]
        return aggregate("territory_sums", grain: territoryGrain, measures: measures, from: "breakdown_matched")
    }

    private func aggregate(_ name: String, grain: [String], measures: [String], from source: String) -> String {
        """
        \(dialect.createView(name))
        SELECT \((grain + measures).joined(separator: ",\n    "))
        FROM \(dialect.relation(source))
        GROUP BY \(grain.joined(separator: ", "))
        """
    }

    private var territories: String {
        report("territories", columns: TerritoryReport.columns, from: "territory_sums", values: [
            "target_match": "t_match", "target_partner": "t_partner", "target_isrc": "t_isrc",
            "target_spotify_track_id": "t_spotify", "target_playlist_id": "t_playlist_id",
            "country_code": "country_code", "currency": "currency", "target_title": "t_title",
            "target_artist": "t_artist", "campaigns": text("campaigns"), "days": text("days"),
            "rows": text("row_count"), "impressions": text("impressions"), "ad_clicks": text("ad_clicks"),
            "link_clicks": text("link_clicks"), "streams": text("streams"), "listeners": text("listeners"),
            "followers": text("followers"), "spend_media": money("spend_media"), "fees": money("fees"),
            "spend_total": money("spend_total"), "provisional_rows": text("provisional_rows"),
        ])
    }

    private var trackGrain: [String] { ["engagement_context"] + sideGrain("e", playlist: false) + sideGrain("t", playlist: true) }

    /// Engagement rows with the listeners of their grain on their date: listeners are summed
    /// within a day, never across days (SPEC §4).
    private var trackDays: String {
        """
        \(dialect.createView("track_days"))
        SELECT *, \(sum("listeners")) OVER (PARTITION BY \((trackGrain + ["report_date"]).joined(separator: ", "))) AS day_listeners
        FROM \(dialect.relation("engagement_matched"))
        """
    }

    private var trackSums: String {
        let measures = [
            "COUNT(DISTINCT campaign_id) AS campaigns", "COUNT(DISTINCT country_code) AS countries",
            "COUNT(DISTINCT report_date) AS days", "COUNT(*) AS row_count",
        ] + ["streams", "new_listener_streams", "returning_listener_streams"].map { "\(sum($0)) AS \($0)" }
            + ["MAX(day_listeners) AS peak_daily_listeners",
               "SUM(CASE WHEN provisional THEN 1 ELSE 0 END) AS provisional_rows"]
        return aggregate("track_sums", grain: trackGrain, measures: measures, from: "track_days")
    }

    private var tracks: String {
        report("tracks", columns: TrackReport.columns, from: "track_sums", values: [
            "engagement_context": "engagement_context", "engaged_match": "e_match", "engaged_partner": "e_partner",
            "engaged_isrc": "e_isrc", "engaged_spotify_track_id": "e_spotify", "target_match": "t_match",
            "target_partner": "t_partner", "target_isrc": "t_isrc", "target_spotify_track_id": "t_spotify",
            "target_playlist_id": "t_playlist_id", "engaged_title": "e_title", "engaged_artist": "e_artist",
            "campaigns": text("campaigns"), "countries": text("countries"), "days": text("days"),
            "rows": text("row_count"), "streams": text("streams"), "new_listener_streams": text("new_listener_streams"),
            "returning_listener_streams": text("returning_listener_streams"),
            "peak_daily_listeners": text("peak_daily_listeners"), "provisional_rows": text("provisional_rows"),
        ])
    }

    private var partnerSums: String {
        let bucket = "CASE WHEN t_match = 'playlist' THEN 'playlist' WHEN t_match = 'unmatched' THEN 'unmatched' ELSE 'matched' END"
        return """
            \(dialect.createView("partner_sums"))
            SELECT bucket, partner, currency, campaigns, row_count, streams, followers, spend_media, fees, spend_total,
                SUM(spend_total) OVER (PARTITION BY currency) AS currency_spend_total
            FROM (
                SELECT \(bucket) AS bucket, t_partner AS partner, currency,
                    COUNT(DISTINCT campaign_id) AS campaigns, COUNT(*) AS row_count,
                    \(["streams", "followers", "spend_media", "fees", "spend_total"].map { "\(sum($0)) AS \($0)" }.joined(separator: ", "))
                FROM \(dialect.relation("breakdown_matched"))
                GROUP BY \(bucket), t_partner, currency
            ) bucket_sums
            """
    }

    /// `spend_share` on integers (SPEC §13): q = ⌊|a|·10⁶ ÷ |b|⌋, then the remainder against
    /// |b|/2, ties to even; the sign applied last. No floating-point or decimal division.
    private var partnerShares: String {
        let a = "CAST(ABS(spend_total) AS \(dialect.divisionType))"
        let b = "CAST(ABS(currency_spend_total) AS \(dialect.divisionType))"
        let divisor = "CASE WHEN currency_spend_total = 0 THEN 1 ELSE \(b) END"
        return """
            \(dialect.createView("partner_shares"))
            SELECT *, share_quotient + CASE WHEN 2 * share_remainder > share_divisor
                    OR (2 * share_remainder = share_divisor AND share_quotient - 2 * \(dialect.integerDivision("share_quotient", "2")) = 1)
                    THEN 1 ELSE 0 END AS share_millionths
            FROM (
                SELECT *, share_numerator - share_quotient * share_divisor AS share_remainder
                FROM (
                    SELECT *, \(dialect.integerDivision("share_numerator", "share_divisor")) AS share_quotient
                    FROM (
                        SELECT *, \(a) * 1000000 AS share_numerator, \(divisor) AS share_divisor
                        FROM \(dialect.relation("partner_sums"))
                    ) share_operands
                ) share_quotients
            ) share_remainders
            """
    }

    private var partners: String {
        let negative = "(spend_total < 0) <> (currency_spend_total < 0)"
        let share = """
            CASE WHEN currency_spend_total = 0 THEN '0.000000' \
            ELSE CASE WHEN share_millionths > 0 AND \(negative) THEN '-' ELSE '' END || \(millionths("share_millionths")) END
            """
        return report("partners", columns: PartnerReport.columns, from: "partner_shares", values: [
            "bucket": "bucket", "partner": "partner", "currency": "currency", "campaigns": text("campaigns"),
            "rows": text("row_count"), "streams": text("streams"), "followers": text("followers"),
            "spend_media": money("spend_media"), "fees": money("fees"), "spend_total": money("spend_total"),
            "spend_share": share,
        ])
    }

    // MARK: - Unmatched rows

    private var unmatched: String {
        let files = dialect.relation(WarehouseTable.exportFiles.name)
        func part(source: String, side: String, prefix: String, raw: String, from relation: String) -> String {
            let engagement = source == "engagement"
            let values: [String: String] = [
                "source": "'\(source)'", "side": "'\(side)'", "reason": "\(prefix)_reason",
                "report_date": "report_date", "account_id": "account_id", "campaign_id": "campaign_id",
                "campaign_name": "campaign_name", "country_code": "country_code",
                "engagement_context": engagement ? "engagement_context" : "''",
                "isrc_raw": guardedUnlessValid("\(raw)_isrc_raw", normalised: "\(raw)_isrc"),
                "spotify_track_id_raw": guardedUnlessValid("\(raw)_spotify_raw", normalised: "\(raw)_spotify"),
                "engaged_track_name": engagement ? "engaged_track_name" : "''",
                "streams": text("COALESCE(streams, 0)"),
                "spend_total": engagement ? "''" : money("CAST(spend_total AS \(dialect.sumType))"),
                "currency": engagement ? "''" : "currency", "file": "f.path", "line": text("line_number"),
            ]
            return """
                SELECT \(select(UnmatchedReport.columns, values))
                FROM \(dialect.relation(relation)) r JOIN \(files) f ON f.file_index = r.file_index
                WHERE \(prefix)_match = 'unmatched'
                """
        }
        return dialect.createView("unmatched") + "\n" + [
            part(source: "breakdown", side: "target", prefix: "t", raw: "target", from: "breakdown_matched"),
            part(source: "engagement", side: "target", prefix: "t", raw: "target", from: "engagement_matched"),
            part(source: "engagement", side: "engaged", prefix: "e", raw: "engaged", from: "engagement_matched"),
        ].joined(separator: "\nUNION ALL\n")
    }

    // MARK: - Printing (SPEC §4, §13)

    /// A view with exactly the report's columns, in its order.
    private func report(_ name: String, columns: [String], from source: String, values: [String: String]) -> String {
        """
        \(dialect.createView(name))
        SELECT \(select(columns, values))
        FROM \(dialect.relation(source))
        """
    }

    /// The select list: each column's text; input text without NUL and protected against formulas, as the CSVs print it.
    private func select(_ columns: [String], _ values: [String: String]) -> String {
        columns.map { column in
            guard let value = values[column] else { preconditionFailure("no SQL for report column \(column)") }
            let printed = ReportColumns.inputText.contains(column) ? protect(withoutNUL(value)) : value
            return "\(printed) AS \(dialect.quote(column))"
        }.joined(separator: ",\n    ")
    }

    private func text(_ expression: String) -> String { "CAST(\(expression) AS \(dialect.textType))" }

    /// An identifier's raw text: guarded only when it did not validate (a valid identifier's raw
    /// text may start with `-` or TAB, and is never changed; SPEC §13).
    private func guardedUnlessValid(_ raw: String, normalised: String) -> String {
        "CASE WHEN \(normalised) IS NULL THEN \(protect(withoutNUL(raw))) ELSE \(withoutNUL(raw)) END"
    }

    /// A NUL is never printed: it becomes U+FFFD, as in the CSVs.
    private func withoutNUL(_ expression: String) -> String {
        "REPLACE(\(expression), \(dialect.character(0)), '\u{FFFD}')"
    }

    /// A leading `'` when the text starts with `=`, `+`, `-`, `@`, TAB or CR.
    private func protect(_ expression: String) -> String {
        let starts = ["'='", "'+'", "'-'", "'@'", dialect.character(9), dialect.character(13)].joined(separator: ", ")
        return "CASE WHEN SUBSTR(\(expression), 1, 1) IN (\(starts)) THEN \(dialect.character(39)) || \(expression) ELSE \(expression) END"
    }

    /// Micro-units printed with exactly 2 decimals when whole cents, else the fewest of 3 to 6.
    /// Works on the digits of the magnitude as text, so it needs no division.
    private func money(_ micros: String) -> String {
        let digits = text("ABS(\(micros))")
        let fraction = "SUBSTR('000000' || \(digits), LENGTH(\(digits)) + 1, 6)"
        let decimals = """
            CASE WHEN SUBSTR(\(fraction), 3, 4) = '0000' THEN SUBSTR(\(fraction), 1, 2) \
            WHEN SUBSTR(\(fraction), 4, 3) = '000' THEN SUBSTR(\(fraction), 1, 3) \
            WHEN SUBSTR(\(fraction), 5, 2) = '00' THEN SUBSTR(\(fraction), 1, 4) \
            WHEN SUBSTR(\(fraction), 6, 1) = '0' THEN SUBSTR(\(fraction), 1, 5) ELSE \(fraction) END
            """
        return "CASE WHEN \(micros) < 0 THEN '-' ELSE '' END || \(wholeUnits(digits)) || '.' || \(decimals)"
    }

    /// A non-negative number of millionths with exactly 6 decimals.
    private func millionths(_ value: String) -> String {
        let digits = text(value)
        return "\(wholeUnits(digits)) || '.' || SUBSTR('000000' || \(digits), LENGTH(\(digits)) + 1, 6)"
    }

    /// The digits before the last six, or `0`.
    private func wholeUnits(_ digits: String) -> String {
        "CASE WHEN LENGTH(\(digits)) > 6 THEN SUBSTR(\(digits), 1, LENGTH(\(digits)) - 6) ELSE '0' END"
    }
}
