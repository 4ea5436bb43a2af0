/// Joins interned export identifiers to the catalogs: ISRC first, then the Spotify track id.
///
/// Normalisation is done once per distinct identifier and cached.
final class Matcher {
    let catalogs: CatalogSet
    let pool: StringPool
    /// Normalised identifiers by interned id (nil until first needed).
    private var isrcCache: [Identifier?] = []
    private var spotifyCache: [Identifier?] = []

    init(catalogs: CatalogSet, pool: StringPool) {
        self.catalogs = catalogs
        self.pool = pool
    }

    /// The normalised ISRC behind an interned raw value.
    func isrc(_ id: UInt32) -> Identifier {
        Self.cached(id, in: &isrcCache) { ISRC.normalize(pool.string(id)) }
    }

    /// The normalised Spotify track id behind an interned raw value.
    func spotifyTrackID(_ id: UInt32) -> Identifier {
        Self.cached(id, in: &spotifyCache) { SpotifyTrackID.normalize(pool.string(id)) }
    }

    private static func cached(_ id: UInt32, in cache: inout [Identifier?], _ normalize: () -> Identifier) -> Identifier {
        if id == StringPool.absent { return .absent }
        let index = Int(id)
        if index < cache.count, let value = cache[index] { return value }
        if index >= cache.count { cache.append(contentsOf: repeatElement(nil, count: index + 1 - cache.count)) }
        let value = normalize()
        cache[index] = value
        return value
    }

    /// `match(isrc, spotify_id)` of SPEC §5.
    func match(isrc isrcID: UInt32, spotifyTrackID spotifyID: UInt32) -> MatchResult {
        let isrc = isrc(isrcID)
        let spotify = spotifyTrackID(spotifyID)
        if let key = isrc.value, let entry = catalogs.isrcIndex[key] {
            return .matched(entry: entry, method: .isrc)
        }
        if let key = spotify.value, let entry = catalogs.spotifyIndex[key] {
            return .matched(entry: entry, method: .spotifyID)
        }
        if isrc.isAbsent, spotify.isAbsent { return .unmatched(.noKeys) }
        if isrc.value == nil, spotify.value == nil { return .unmatched(.invalidKeys) }
        return .unmatched(.notInCatalog)
    }

    /// The text of an interned id.
    func text(_ id: UInt32) -> String { pool.string(id) }

    /// Interns a normalised identifier so that sides can be keyed by ids.
    func internDisplay(_ value: String) -> UInt32 { pool.intern(value) }

    /// The target of a campaign: a playlist, or a track matched like any other.
    func match(_ target: CampaignTarget) -> MatchResult {
        target.isPlaylist ? .playlist : match(isrc: target.isrc, spotifyTrackID: target.spotifyTrackID)
    }
}
