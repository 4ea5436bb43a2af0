/// Sort ranks of report sides by their printed grain columns: match, partner, isrc,
/// spotify_track_id, playlist_id (the match word is the tool's, the rest are input text).
/// `nil` is the `unallocated` side of `playlist_allocation.csv`.
struct SideRanks {
    private let ranks: PrintedRanks<SideKey?>

    init(_ sides: some Sequence<SideKey?>, matcher: Matcher) {
        ranks = PrintedRanks(sides, guarded: [false, true, true, true, true]) { side in
            let columns = matcher.columns(orUnallocated: side)
            return [columns.match, columns.partner, columns.isrc, columns.spotifyTrackID, columns.playlistID]
        }
    }

    subscript(side: SideKey?) -> UInt32 { ranks[side] }
}

extension Matcher {
    /// The printed columns of a side; nil is the `unallocated` side of an allocation.
    func columns(orUnallocated side: SideKey?) -> SideColumns {
        side.map { columns($0) } ?? SideColumns(match: "unallocated")
    }

}
