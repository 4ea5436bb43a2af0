/// The catalogs' key indexes as the matcher reads them: a normalised ISRC or Spotify track
/// id leads to the catalog entry that owns it.
///
/// The tables are the ones the loader filled while claiming keys, shared, not rebuilt: nothing
/// is interned into the run's pool until an export identifier is looked up.
struct CatalogKeyIndex {
    private let isrcKeys: CatalogKeyTable
    private let spotifyKeys: CatalogKeyTable
    /// The run's pool, for lookups by id.
    private let pool: StringPool

    /// The key index of `catalogs`; ids given to it are ids of `pool`.
    init(_ catalogs: CatalogSet, pool: StringPool) {
        isrcKeys = catalogs.isrcKeys
        spotifyKeys = catalogs.spotifyKeys
        self.pool = pool
    }

    /// The entry that owns the normalised ISRC `key`; nil when none does.
    func entry(isrc key: PackedKey) -> Int32? { isrcKeys.owner(key) }

    /// The entry that owns the normalised Spotify track id `key`; nil when none does.
    func entry(spotifyTrackID key: PackedKey) -> Int32? { spotifyKeys.owner(key) }

    /// The entry that owns the ISRC with the text of `id`; nil when none does.
    func entry(isrc id: TextID) -> Int32? { pool.withBytes(id) { isrcKeys.owner(bytes: $0) } }

    /// The entry that owns the Spotify track id with the text of `id`; nil when none does.
    func entry(spotifyTrackID id: TextID) -> Int32? { pool.withBytes(id) { spotifyKeys.owner(bytes: $0) } }
}
