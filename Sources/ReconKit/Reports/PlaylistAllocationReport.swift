/// `playlist_allocation.csv` (SPEC §12): one typed line per campaign × currency × engaged side.
enum PlaylistAllocationReport {
    static let columns = [
        "campaign_id", "currency", "engaged_match", "engaged_partner", "engaged_isrc", "engaged_spotify_track_id",
        "engaged_title", "days", "countries", "streams", "spend_media", "fees", "spend_total",
    ]

    /// One line: its grain and its sums.
    struct Line {
        let key: PlaylistAllocation.LineKey
        let totals: PlaylistAllocation.Line
    }

    /// The lines sorted by the grain (campaign, currency, engaged side) as printed.
    static func lines(_ allocation: PlaylistAllocation, matcher: Matcher) -> [Line] {
        let (pool, keys) = (matcher.pool, allocation.lines.keys)
        let campaigns = TextRanks.formulaGuarded(keys.lazy.map(\.campaignID), pool: pool)
        let currencies = TextRanks(keys.lazy.map(\.currency), pool: pool)
        let sides = SideRanks(keys.lazy.map(\.engaged), matcher: matcher)
        let ranked = allocation.lines.map { key, totals in
            ((campaigns[key.campaignID], currencies[key.currency], sides[key.engaged]), Line(key: key, totals: totals))
        }
        return ranked.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The lines as printed.
    static func report(_ lines: [Line], matcher: Matcher) -> ReportLines {
        ReportLines(columns: columns, lines: lines, pool: matcher.pool) { line in
            let (key, totals) = (line.key, line.totals)
            let engaged = matcher.columns(orUnallocated: key.engaged)
            return [
                .pooled(key.campaignID), .pooled(key.currency), .text(engaged.match), .text(engaged.partner),
                .text(engaged.isrc), .text(engaged.spotifyTrackID), .text(engaged.title),
                .integer(totals.days.count), .integer(totals.countries.count), .count(totals.streams),
                .money(totals.spendMedia), .money(totals.fees), .money(totals.spendTotal),
            ]
        }
    }
}
