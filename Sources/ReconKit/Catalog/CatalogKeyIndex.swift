/// The catalogs' key indexes over the ids of a run's string pool: a valid ISRC or Spotify
/// track id, interned there, leads to the catalog entry that owns it.
///
/// Built once the catalogs are loaded and the exports read (the pool is written by one
/// thread at a time): each owned key is interned into the pool, so matching an export
/// identifier compares ids, never strings.
struct CatalogKeyIndex {
    /// Per pool id, the owning entry of the ISRC with that text, or -1.
    private var isrcOwners: [Int32]
    /// Per pool id, the owning entry of the Spotify track id with that text, or -1.
    private var spotifyOwners: [Int32]

    /// Interns every key of `catalogs` into `pool`, entries in order (so ids do not depend on
    /// hashing). The first entry holding a key is the one that claimed it when loading.
    init(_ catalogs: CatalogSet, pool: StringPool) {
        var isrcKeys: [(TextID, Int32)] = []
        var spotifyKeys: [(TextID, Int32)] = []
        isrcKeys.reserveCapacity(catalogs.entries.count)
        spotifyKeys.reserveCapacity(catalogs.entries.count)
        for (position, entry) in catalogs.entries.enumerated() {
            if let key = entry.isrc { isrcKeys.append((pool.intern(key), Int32(position))) }
            if let key = entry.spotifyTrackID { spotifyKeys.append((pool.intern(key), Int32(position))) }
        }
        isrcOwners = Self.firstClaims(isrcKeys, count: pool.count)
        spotifyOwners = Self.firstClaims(spotifyKeys, count: pool.count)
    }

    /// The entry that owns the ISRC with the text of `id`; nil when none does.
    func entry(isrc id: TextID) -> Int32? { Self.owner(id, in: isrcOwners) }

    /// The entry that owns the Spotify track id with the text of `id`; nil when none does.
    func entry(spotifyTrackID id: TextID) -> Int32? { Self.owner(id, in: spotifyOwners) }

    /// Ids interned after the index was built are no catalog key.
    private static func owner(_ id: TextID, in owners: [Int32]) -> Int32? {
        let position = Int(id.index)
        guard position < owners.count, owners[position] >= 0 else { return nil }
        return owners[position]
    }

    private static func firstClaims(_ keys: [(TextID, Int32)], count: Int) -> [Int32] {
        var owners = [Int32](repeating: -1, count: count)
        for (id, entry) in keys where owners[Int(id.index)] < 0 { owners[Int(id.index)] = entry }
        return owners
    }
}
