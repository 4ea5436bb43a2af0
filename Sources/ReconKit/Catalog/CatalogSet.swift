/// All loaded catalogs: the usable entries, the key index and every problem found.
public struct CatalogSet: Sendable {
    /// Counts for one catalog file.
    public struct FileStats: Sendable, Equatable {
        public let name: String
        public let path: String
        /// Non-blank records after the header.
        public var entries = 0
        /// Entries that own at least one key in the index.
        public var usableEntries = 0
        public var issues = 0
        /// Size and SHA-256 of the file as read.
        public var fingerprint: InputFingerprint?
    }

    public internal(set) var entries: [CatalogEntry] = []
    public internal(set) var issues: [CatalogIssue] = []
    public internal(set) var files: [FileStats] = []
    var isrcIndex: [String: Int32] = [:]
    var spotifyIndex: [String: Int32] = [:]

    public init() {}

    /// The entry that owns a valid ISRC.
    public func entry(isrc: String) -> CatalogEntry? {
        isrcIndex[isrc].map { entries[Int($0)] }
    }

    /// The entry that owns a valid Spotify track id.
    public func entry(spotifyTrackID: String) -> CatalogEntry? {
        spotifyIndex[spotifyTrackID].map { entries[Int($0)] }
    }

    /// Issue counts by kind, every kind present (zero when none).
    public var issuesByKind: [(CatalogIssue.Kind, Int)] {
        CatalogIssue.Kind.allCases.map { kind in (kind, issues.count { $0.kind == kind }) }
    }
}
