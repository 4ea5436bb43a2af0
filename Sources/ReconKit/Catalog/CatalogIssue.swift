/// One problem found in a catalog (a line of `catalog_issues.csv`).
public struct CatalogIssue: Sendable, Equatable {
    /// Issue kinds, in the order SPEC §3 lists them (the order within one line).
    public enum Kind: String, CaseIterable, Sendable, Comparable {
        case invalidISRC = "invalid_isrc"
        case invalidSpotifyID = "invalid_spotify_id"
        case noKeys = "no_keys"
        case duplicateISRC = "duplicate_isrc"
        case duplicateSpotifyID = "duplicate_spotify_id"
        case conflictISRC = "conflict_isrc"
        case conflictSpotifyID = "conflict_spotify_id"
        case invalidUTF8 = "invalid_utf8"

        private var rank: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
    }

    public let catalog: String
    public let line: Int
    public let kind: Kind
    /// Normalised when valid, else the raw text.
    public let isrc: String
    /// Normalised when valid, else the raw text.
    public let spotifyTrackID: String
    public let detail: String
}
