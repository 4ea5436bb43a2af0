/// The catalogs' key indexes as the matcher reads them: a normalised ISRC or Spotify track
/// id leads to the catalog entry that owns it.
///
/// The tables are the ones the loader filled while claiming keys, shared, not rebuilt: nothing
/// is interned into the run's pool until an export identifier is looked up.
struct CatalogKeyIndex {
    private let isrcKeys: CatalogKeyTable
    private let spotifyKeys: CatalogKeyTable

    /// The key index of `catalogs`.
    init(_ catalogs: CatalogSet) {
        isrcKeys = catalogs.isrcKeys
        spotifyKeys = catalogs.spotifyKeys
    }

    /// The entry that owns the normalised ISRC `key`; nil when none does.
    func entry(isrc key: PackedKey) -> Int32? { isrcKeys.owner(key) }

    /// The entry that owns the normalised Spotify track id `key`; nil when none does.
    func entry(spotifyTrackID key: PackedKey) -> Int32? { spotifyKeys.owner(key) }
}
