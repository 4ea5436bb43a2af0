/// `tracks.csv` (SPEC §6): one typed line per context × engaged side × target side.
enum TrackReport {
    static let columns = [
        "engagement_context", "engaged_match", "engaged_partner", "engaged_isrc", "engaged_spotify_track_id",
        "target_match", "target_partner", "target_isrc", "target_spotify_track_id", "target_playlist_id",
        "engaged_title", "engaged_artist", "campaigns", "countries", "days", "rows", "streams",
        "new_listener_streams", "returning_listener_streams", "peak_daily_listeners", "provisional_rows",
    ]

    /// One line: its grain and its sums.
    struct Line {
        let key: TrackKey
        let totals: TrackTotals
    }

    /// The lines sorted by the grain (context, engaged side, target side) as printed.
    static func lines(_ reconciliation: Reconciliation) -> [Line] {
        let (matcher, tracks) = (reconciliation.matcher, reconciliation.tracks)
        let pool = matcher.pool
        let sides = SideRanks(tracks.keys.lazy.flatMap { [Optional($0.engaged), Optional($0.target)] }, matcher: matcher)
        let contexts = TextRanks.formulaGuarded(tracks.keys.lazy.map(\.context), pool: pool)
        let ranked = tracks.map { key, totals in
            ((contexts[key.context], sides[key.engaged], sides[key.target]), Line(key: key, totals: totals))
        }
        return ranked.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The lines as printed.
    static func report(_ lines: [Line], matcher: Matcher) -> ReportLines {
        ReportLines(columns: columns, lines: lines, pool: matcher.pool) { line in
            let (key, totals) = (line.key, line.totals)
            let engaged = matcher.columns(key.engaged)
            let target = matcher.columns(key.target)
            return [
                .pooled(key.context), .text(engaged.match), .text(engaged.partner), .text(engaged.isrc),
                .text(engaged.spotifyTrackID), .text(target.match), .text(target.partner), .text(target.isrc),
                .text(target.spotifyTrackID), .text(target.playlistID), .text(engaged.title), .text(engaged.artist),
                .integer(totals.campaigns.count), .integer(totals.countries.count), .integer(totals.days),
                .integer(totals.rows), .count(totals.streams), .count(totals.newListenerStreams),
                .count(totals.returningListenerStreams), .count(totals.peakDailyListeners),
                .integer(totals.provisionalRows),
            ]
        }
    }
}
