/// Builds `territories.csv` (SPEC §6).
enum TerritoryReport {
    static let columns = [
        "target_match", "target_partner", "target_isrc", "target_spotify_track_id", "target_playlist_id",
        "country_code", "currency", "target_title", "target_artist", "campaigns", "days", "rows",
        "impressions", "ad_clicks", "link_clicks", "streams", "listeners", "followers",
        "spend_media", "fees", "spend_total", "provisional_rows",
    ]
    static let grainCount = 7

    static func table(_ reconciliation: Reconciliation) -> ReportTable {
        let matcher = reconciliation.matcher
        var table = ReportTable(columns: columns)
        for (key, totals) in reconciliation.territories {
            let side = matcher.columns(key.target)
            table.rows.append([
                side.match, side.partner, side.isrc, side.spotifyTrackID, side.playlistID,
                matcher.text(key.countryCode), matcher.text(key.currency), side.title, side.artist,
                String(totals.campaigns.count), String(totals.days.count), String(totals.rows),
                String(totals.impressions), String(totals.adClicks), String(totals.linkClicks),
                String(totals.streams), String(totals.listeners), String(totals.followers),
                totals.spendMedia.description, totals.fees.description, totals.spendTotal.description,
                String(totals.provisionalRows),
            ])
        }
        table.sortByGrain(grainCount)
        return table
    }
}
