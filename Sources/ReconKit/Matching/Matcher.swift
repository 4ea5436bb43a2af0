/// Joins interned export identifiers to the catalogs: ISRC first, then the Spotify track id.
///
/// Each distinct identifier is normalised once, from its bytes in the pool, and its packed
/// normalised form is looked up in the catalogs' key tables; the normalised form is interned
/// there too (an unmatched key prints it). The result is kept by the identifier's id in `lookups`.
///
/// Like the pool, it is written (identifiers resolved) by one thread at a time; threads that
/// aggregate rows together only read `lookups`, so it is `Sendable` unchecked under that rule.
final class Matcher: @unchecked Sendable {
    let catalogs: CatalogSet
    let pool: StringPool
    /// The catalogs' keys, looked up by normalised form.
    let keys: CatalogKeyIndex
    /// What every identifier resolved so far looks up to.
    private(set) var lookups = MatchLookups()

    /// A matcher of the identifiers of `pool` (written by one thread at a time) against `catalogs`.
    init(catalogs: CatalogSet, pool: StringPool) {
        self.catalogs = catalogs
        self.pool = pool
        keys = CatalogKeyIndex(catalogs)
    }

    func match(isrc: TextID, spotifyTrackID: TextID) -> MatchResult {
        resolve(isrc: isrc, spotifyTrackID: spotifyTrackID)
        return lookups.match(isrc: isrc, spotifyTrackID: spotifyTrackID)
    }

    /// Looks up both identifiers unless they were looked up before, so that `lookups` can match them.
    func resolve(isrc: TextID, spotifyTrackID: TextID) {
        if !MatchLookups.isKnown(isrc, in: lookups.isrc) {
            resolve(isrc, in: \.isrc, normalize: ISRC.key(bytes:)) { keys.entry(isrc: $0) }
        }
        if !MatchLookups.isKnown(spotifyTrackID, in: lookups.spotify) {
            resolve(spotifyTrackID, in: \.spotify, normalize: SpotifyTrackID.key(bytes:)) { keys.entry(spotifyTrackID: $0) }
        }
    }

    /// Resolves the identifiers of a campaign's target (none for a playlist).
    func resolve(_ target: CampaignTarget) {
        if !target.isPlaylist { resolve(isrc: target.isrc, spotifyTrackID: target.spotifyTrackID) }
    }

    private func resolve(
        _ id: TextID, in table: WritableKeyPath<MatchLookups, [MatchLookups.KeyLookup]>,
        normalize: (UnsafeRawBufferPointer) -> IdentifierKey, owner: (PackedKey) -> Int32?
    ) {
        let position = Int(id.index)
        if position >= lookups[keyPath: table].count {
            lookups[keyPath: table].append(contentsOf: repeatElement(
                MatchLookups.KeyLookup.unknown, count: max(position + 1, pool.count) - lookups[keyPath: table].count))
        }
        let key = id == TextID.absent ? IdentifierKey.absent : pool.withBytes(id, normalize)
        if key.kind == .valid {
            let normalized = key.withBytes { pool.intern($0) }
            let entry = PackedKey(key).flatMap(owner) ?? -1
            lookups[keyPath: table][position] = MatchLookups.KeyLookup(kind: .valid, entry: entry, display: normalized)
        } else {
            lookups[keyPath: table][position] = MatchLookups.KeyLookup(kind: key.kind, entry: -1, display: id)
        }
    }

    func text(_ id: TextID) -> String { pool.string(id) }

    /// The target of a campaign: a playlist, or a track matched like any other.
    func match(_ target: CampaignTarget) -> MatchResult {
        resolve(target)
        return lookups.match(target)
    }
}
