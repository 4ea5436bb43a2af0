/// One side (target or engaged track) of a report grain, as compact ids.
///
/// Matched sides are identified by their catalog entry; unmatched sides by the
/// row's identifiers (normalised when valid, else raw); playlists by their id.
struct SideKey: Hashable, Sendable {
    var result: MatchResult
    var isrc: TextID = TextID.absent
    var spotifyTrackID: TextID = TextID.absent
    var playlistID: TextID = TextID.absent

    /// Hashes three words instead of field by field: the synthesised hash would feed the
    /// match method's and reason's raw `String`s to the hasher for every row.
    func hash(into hasher: inout Hasher) {
        hasher.combine(outcome)
        hasher.combine(UInt64(isrc.index) << 32 | UInt64(spotifyTrackID.index))
        hasher.combine(playlistID.index)
    }

    /// Mixes the side into a grain's hash (`GrainKey`).
    func combine(into hash: inout RowKeyHash) {
        hash.combine(UInt32(truncatingIfNeeded: outcome >> 32), UInt32(truncatingIfNeeded: outcome))
        hash.combine(isrc, spotifyTrackID)
        hash.combine(playlistID.index, 0)
    }

    /// The match outcome as one word: its kind, and the catalog entry of a matched side.
    private var outcome: UInt64 {
        switch result {
        case let .matched(entry, .isrc): 1 << 32 | UInt64(UInt32(bitPattern: entry))
        case let .matched(entry, .spotifyID): 2 << 32 | UInt64(UInt32(bitPattern: entry))
        case .unmatched(.noKeys): 3 << 32
        case .unmatched(.invalidKeys): 4 << 32
        case .unmatched(.notInCatalog): 5 << 32
        case .playlist: 6 << 32
        }
    }
}

/// The printed columns of a side.
struct SideColumns {
    var match: String
    var partner = ""
    var isrc = ""
    var spotifyTrackID = ""
    var playlistID = ""
    var title = ""
    var artist = ""
}

extension Matcher {
    /// The grain identity of a side with the given raw identifiers.
    func sideKey(_ result: MatchResult, isrc: TextID, spotifyTrackID: TextID, playlistID: TextID = .absent) -> SideKey {
        if case .unmatched = result { resolve(isrc: isrc, spotifyTrackID: spotifyTrackID) }
        return lookups.sideKey(result, isrc: isrc, spotifyTrackID: spotifyTrackID, playlistID: playlistID)
    }

    /// The printed columns of a side.
    func columns(_ key: SideKey) -> SideColumns {
        switch key.result {
        case let .matched(entryIndex, method):
            let entry = catalogs.entries[Int(entryIndex)]
            return SideColumns(
                match: method.rawValue, partner: entry.partner, isrc: entry.isrc ?? "",
                spotifyTrackID: entry.spotifyTrackID ?? "", title: entry.title, artist: entry.artist)
        case .playlist:
            return SideColumns(match: "playlist", playlistID: text(key.playlistID))
        case .unmatched:
            return SideColumns(match: "unmatched", isrc: text(key.isrc), spotifyTrackID: text(key.spotifyTrackID))
        }
    }
}
