/// `territories.csv` (SPEC §6): one typed line per target side × country × currency.
enum TerritoryReport {
    static let columns = [
        "target_match", "target_partner", "target_isrc", "target_spotify_track_id", "target_playlist_id",
        "country_code", "currency", "target_title", "target_artist", "campaigns", "days", "rows",
        "impressions", "ad_clicks", "link_clicks", "streams", "listeners", "followers",
        "spend_media", "fees", "spend_total", "provisional_rows",
    ]
    /// The leading columns that form the grain (target side, country, currency).
    static let grainCount = 7

    /// One line: its grain and its sums.
    struct Line {
        let key: TerritoryKey
        let totals: TerritoryTotals
    }

    /// The lines sorted by the grain (target side, country, currency) as printed.
    static func lines(_ reconciliation: Reconciliation) -> [Line] {
        let (matcher, territories) = (reconciliation.matcher, reconciliation.territories)
        let pool = matcher.pool
        let sides = SideRanks(territories.keys.lazy.map { Optional($0.target) }, matcher: matcher)
        let countries = TextRanks.formulaGuarded(territories.keys.lazy.map(\.countryCode), pool: pool)
        let currencies = TextRanks(territories.keys.lazy.map(\.currency), pool: pool)
        let ranked = territories.map { key, totals in
            ((sides[key.target], countries[key.countryCode], currencies[key.currency]), Line(key: key, totals: totals))
        }
        return ranked.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The lines as printed.
    static func report(_ lines: [Line], matcher: Matcher) -> ReportLines {
        ReportLines(columns: columns, lines: lines, pool: matcher.pool) { line in
            let (key, totals) = (line.key, line.totals)
            let side = matcher.columns(key.target)
            return [
                .text(side.match), .text(side.partner), .text(side.isrc), .text(side.spotifyTrackID),
                .text(side.playlistID), .pooled(key.countryCode), .pooled(key.currency), .text(side.title),
                .text(side.artist), .integer(totals.campaigns.count), .integer(totals.days.count), .integer(totals.rows),
                .count(totals.impressions), .count(totals.adClicks), .count(totals.linkClicks), .count(totals.streams),
                .count(totals.listeners), .count(totals.followers), .money(totals.spendMedia), .money(totals.fees),
                .money(totals.spendTotal), .integer(totals.provisionalRows),
            ]
        }
    }
}
