/// The key lookups a `Matcher` has resolved, by interned id. A value: threads can share it to
/// match rows whose identifiers were all resolved before (`Matcher.resolve`), without writing.
struct MatchLookups: Sendable {
    /// Lookups by interned id (`KeyLookup.unknown` until resolved): 12 bytes per id of the pool.
    var isrc: [KeyLookup] = []
    var spotify: [KeyLookup] = []

    /// What one interned key text resolves to, worked out once per distinct text.
    struct KeyLookup: Sendable {
        var kind: IdentifierKey.Kind
        /// The claiming catalog entry, or -1 (-2: not looked up yet).
        var entry: Int32
        /// The id of the text printed for an unmatched key: the normalised form when valid, else the raw text.
        var display: TextID

        /// Not looked up yet.
        static let unknown = KeyLookup(kind: .absent, entry: -2, display: TextID.absent)

        var isKnown: Bool { entry != Self.unknown.entry }
    }

    /// ISRC first, then the Spotify track id (SPEC §5).
    func match(isrc isrcID: TextID, spotifyTrackID spotifyID: TextID) -> MatchResult {
        let isrc = resolved(isrcID, in: self.isrc)
        if isrc.entry >= 0 { return .matched(entry: isrc.entry, method: .isrc) }
        let spotify = resolved(spotifyID, in: self.spotify)
        if spotify.entry >= 0 { return .matched(entry: spotify.entry, method: .spotifyID) }
        if isrc.kind == .absent, spotify.kind == .absent { return .unmatched(.noKeys) }
        if isrc.kind != .valid, spotify.kind != .valid { return .unmatched(.invalidKeys) }
        return .unmatched(.notInCatalog)
    }

    /// The target of a campaign: a playlist, or a track matched like any other.
    func match(_ target: CampaignTarget) -> MatchResult {
        target.isPlaylist ? .playlist : match(isrc: target.isrc, spotifyTrackID: target.spotifyTrackID)
    }

    /// The grain identity of a side with the given raw identifiers.
    func sideKey(_ result: MatchResult, isrc: TextID, spotifyTrackID: TextID, playlistID: TextID = .absent) -> SideKey {
        switch result {
        case .matched: SideKey(result: result)
        case .playlist: SideKey(result: result, playlistID: playlistID)
        case .unmatched:
            SideKey(result: result, isrc: resolved(isrc, in: self.isrc).display,
                    spotifyTrackID: resolved(spotifyTrackID, in: spotify).display)
        }
    }

    /// Whether `id` has been resolved in `lookups`.
    static func isKnown(_ id: TextID, in lookups: [KeyLookup]) -> Bool {
        Int(id.index) < lookups.count && lookups[Int(id.index)].isKnown
    }

    private func resolved(_ id: TextID, in lookups: [KeyLookup]) -> KeyLookup {
        let lookup = lookups[Int(id.index)]
        precondition(lookup.isKnown, "an identifier was matched before it was resolved")
        return lookup
    }
}
