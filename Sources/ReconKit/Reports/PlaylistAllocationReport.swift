/// Builds `playlist_allocation.csv` (SPEC §12).
enum PlaylistAllocationReport {
    static let columns = [
        "campaign_id", "currency", "engaged_match", "engaged_partner", "engaged_isrc", "engaged_spotify_track_id",
        "engaged_title", "days", "countries", "streams", "spend_media", "fees", "spend_total",
    ]
    static let grainCount = 6

    static func table(_ allocation: PlaylistAllocation, matcher: Matcher) -> ReportTable {
        var table = ReportTable(columns: columns)
        for (key, line) in allocation.lines {
            let engaged = key.engaged.map(matcher.columns) ?? SideColumns(match: "unallocated")
            table.rows.append([
                matcher.text(key.campaignID), matcher.text(key.currency), engaged.match, engaged.partner, engaged.isrc,
                engaged.spotifyTrackID, engaged.title, String(line.days.count), String(line.countries.count),
                String(line.streams), line.spendMedia.description, line.fees.description, line.spendTotal.description,
            ])
        }
        table.sortByGrain(grainCount)
        return table
    }
}
