/// Joins interned export identifiers to the catalogs: ISRC first, then the Spotify track id.
///
/// Each distinct identifier is normalised once, from its bytes in the pool, and its packed
/// normalised form is looked up in the catalogs' key tables; the normalised form is interned
/// there too (an unmatched key prints it). The result is cached by the identifier's id.
final class Matcher {
    let catalogs: CatalogSet
    let pool: StringPool
    /// The catalogs' keys, looked up by normalised form.
    let keys: CatalogKeyIndex
    /// Key lookups by interned id (`KeyLookup.unknown` until first needed): 12 bytes per id of
    /// the pool, sized to it at the first lookup.
    private var isrcLookups: [KeyLookup] = []
    private var spotifyLookups: [KeyLookup] = []

    /// What one interned key text resolves to, worked out once per distinct text.
    private struct KeyLookup {
        var kind: IdentifierKey.Kind
        /// The claiming catalog entry, or -1 (-2: not looked up yet).
        var entry: Int32
        /// The id of the text printed for an unmatched key: the normalised form when valid, else the raw text.
        var display: TextID

        /// Not looked up yet.
        static let unknown = KeyLookup(kind: .absent, entry: -2, display: TextID.absent)
    }

    /// A matcher of the identifiers of `pool` (written by one thread at a time) against `catalogs`.
    init(catalogs: CatalogSet, pool: StringPool) {
        self.catalogs = catalogs
        self.pool = pool
        keys = CatalogKeyIndex(catalogs, pool: pool)
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
        lookup(id, in: &isrcLookups, normalize: ISRC.key(bytes:)) { keys.entry(isrc: $0) }
    }

    private func spotifyLookup(_ id: TextID) -> KeyLookup {
        lookup(id, in: &spotifyLookups, normalize: SpotifyTrackID.key(bytes:)) { keys.entry(spotifyTrackID: $0) }
    }

    private func lookup(
        _ id: TextID, in cache: inout [KeyLookup], normalize: (UnsafeRawBufferPointer) -> IdentifierKey,
        owner: (PackedKey) -> Int32?
    ) -> KeyLookup {
        let position = Int(id.index)
        if position < cache.count, cache[position].entry != KeyLookup.unknown.entry { return cache[position] }
        if position >= cache.count {
            cache.append(contentsOf: repeatElement(KeyLookup.unknown, count: max(position + 1, pool.count) - cache.count))
        }
        let key = id == TextID.absent ? IdentifierKey.absent : pool.withBytes(id, normalize)
        let resolved: KeyLookup
        if key.kind == .valid {
            let normalized = key.withBytes { pool.intern($0) }
            let entry = PackedKey(key).flatMap(owner) ?? -1
            resolved = KeyLookup(kind: .valid, entry: entry, display: normalized)
        } else {
            resolved = KeyLookup(kind: key.kind, entry: -1, display: id)
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
