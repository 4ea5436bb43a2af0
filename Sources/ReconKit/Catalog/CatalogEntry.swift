/// One usable track of a partner catalog, with its valid keys.
public struct CatalogEntry: Sendable, Equatable {
    /// The catalog NAME, which is the partner.
    public let partner: String
    /// The normalised ISRC when valid in the catalog (even if another entry owns it).
    public let isrc: String?
    /// The normalised Spotify track id when valid in the catalog.
    public let spotifyTrackID: String?
    public let title: String
    public let artist: String
    /// 1-based first physical line of the record.
    public let line: Int
}
