/// Joins interned export identifiers to the catalogs: ISRC first, then the Spotify track id.
///
/// Normalisation is done once per distinct identifier and cached.
final class Matcher {
    let catalogs: CatalogSet
    let pool: StringPool
    /// Key lookups by interned id (nil until first needed).
    private var isrcLookups: [KeyLookup?] = []
    private var spotifyLookups: [KeyLookup?] = []

    /// What one interned key text resolves to, worked out once per distinct text.
    private struct KeyLookup {
        var kind: Kind
        /// The claiming catalog entry, or -1.
        var entry: Int32
        /// The id of the text printed for an unmatched key: the normalised form when valid, else the raw text.
        var display: TextID

        enum Kind { case absent, invalid, valid }
    }

    init(catalogs: CatalogSet, pool: StringPool) {
        self.catalogs = catalogs
        self.pool = pool
    }

    func match(isrc isrcID: TextID, spotifyTrackID spotifyID: TextID) -> MatchResult {
        let isrc = isrcLookup(isrcID)
        if isrc.entry >= 0 { return .matched(entry: isrc.entry, method: .isrc) }
        let spotify = spotifyLookup(spotifyID)
        if spotify.entry >= 0 { return .matched(entry: spotify.entry, method: .spotifyID) }
        if isrc.kind == .absent, spotify.kind == .absent { return .unmatched(.noKeys) }
        if isrc.kind != .valid, spotify.kind != .valid { return .unmatched(.invalidKeys) }
        return .unmatched(.notInCatalog)
    }

    /// The id of the printed ISRC of an unmatched key (normalised when valid).
    func isrcDisplay(_ id: TextID) -> TextID { isrcLookup(id).display }

    /// The id of the printed Spotify track id of an unmatched key (normalised when valid).
    func spotifyDisplay(_ id: TextID) -> TextID { spotifyLookup(id).display }

    private func isrcLookup(_ id: TextID) -> KeyLookup {
        lookup(id, in: &isrcLookups, normalize: ISRC.normalize, index: catalogs.isrcIndex)
    }

    private func spotifyLookup(_ id: TextID) -> KeyLookup {
        lookup(id, in: &spotifyLookups, normalize: SpotifyTrackID.normalize, index: catalogs.spotifyIndex)
    }

    private func lookup(
        _ id: TextID, in cache: inout [KeyLookup?], normalize: (String) -> Identifier, index: [String: Int32]
    ) -> KeyLookup {
        let position = Int(id.index)
        if position < cache.count, let known = cache[position] { return known }
        if position >= cache.count { cache.append(contentsOf: repeatElement(nil, count: position + 1 - cache.count)) }
        let resolved: KeyLookup
        switch id == TextID.absent ? .absent : normalize(pool.string(id)) {
        case .absent: resolved = KeyLookup(kind: .absent, entry: -1, display: id)
        case .invalid: resolved = KeyLookup(kind: .invalid, entry: -1, display: id)
        case let .valid(value): resolved = KeyLookup(kind: .valid, entry: index[value] ?? -1, display: pool.intern(value))
        }
        cache[position] = resolved
        return resolved
    }

    func text(_ id: TextID) -> String { pool.string(id) }

    /// The target of a campaign: a playlist, or a track matched like any other.
    func match(_ target: CampaignTarget) -> MatchResult {
        target.isPlaylist ? .playlist : match(isrc: target.isrc, spotifyTrackID: target.spotifyTrackID)
    }
}
