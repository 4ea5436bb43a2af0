/// How a row's track side was joined to the catalogs (SPEC §5).
public enum MatchResult: Hashable, Sendable {
    /// Joined to the catalog entry with this index.
    case matched(entry: Int32, method: MatchMethod)
    case unmatched(UnmatchedReason)
    /// The campaign promotes a playlist: not a failure.
    case playlist

    /// The `*_match` column value.
    var isUnmatched: Bool {
        if case .unmatched = self { true } else { false }
    }

    public var label: String {
        switch self {
        case let .matched(_, method): method.rawValue
        case .unmatched: "unmatched"
        case .playlist: "playlist"
        }
    }
}

/// Which key found the catalog entry.
public enum MatchMethod: String, CaseIterable, Sendable {
    case isrc
    case spotifyID = "spotify_id"
}

/// Why a track side found no catalog entry.
public enum UnmatchedReason: String, CaseIterable, Sendable {
    /// Both keys absent.
    case noKeys = "no_keys"
    /// Every present key is invalid.
    case invalidKeys = "invalid_keys"
    /// A valid key, but no catalog has it.
    case notInCatalog = "not_in_catalog"
}
