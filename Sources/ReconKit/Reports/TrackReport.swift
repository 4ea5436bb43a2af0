/// Builds `tracks.csv` (SPEC §6).
enum TrackReport {
    static let columns = [
        "engagement_context", "engaged_match", "engaged_partner", "engaged_isrc", "engaged_spotify_track_id",
        "target_match", "target_partner", "target_isrc", "target_spotify_track_id", "target_playlist_id",
        "engaged_title", "engaged_artist", "campaigns", "countries", "days", "rows", "streams",
        "new_listener_streams", "returning_listener_streams", "peak_daily_listeners", "provisional_rows",
    ]
    static let grainCount = 10

    static func table(_ reconciliation: Reconciliation) -> ReportTable {
        let matcher = reconciliation.matcher
        var table = ReportTable(columns: columns)
        for (key, totals) in reconciliation.tracks {
            let engaged = matcher.columns(key.engaged)
            let target = matcher.columns(key.target)
            table.rows.append([
                matcher.text(key.context), engaged.match, engaged.partner, engaged.isrc, engaged.spotifyTrackID,
                target.match, target.partner, target.isrc, target.spotifyTrackID, target.playlistID,
                engaged.title, engaged.artist, String(totals.campaigns.count), String(totals.countries.count),
                String(totals.days), String(totals.rows), String(totals.streams),
                String(totals.newListenerStreams), String(totals.returningListenerStreams),
                String(totals.peakDailyListeners), String(totals.provisionalRows),
            ])
        }
        table.sortByGrain(grainCount)
        return table
    }
}
