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
    /// The owning entry of each claimed ISRC.
    var isrcKeys = CatalogKeyTable()
    /// The owning entry of each claimed Spotify track id.
    var spotifyKeys = CatalogKeyTable()

    public init() {}

    /// The entry that owns a valid ISRC.
    public func entry(isrc: String) -> CatalogEntry? {
        Self.owner(isrc, in: isrcKeys).map { entries[Int($0)] }
    }

    /// The entry that owns a valid Spotify track id.
    public func entry(spotifyTrackID: String) -> CatalogEntry? {
        Self.owner(spotifyTrackID, in: spotifyKeys).map { entries[Int($0)] }
    }

    /// Every claimed ISRC with its owning entry (the warehouse export).
    var isrcIndex: [String: Int32] { Self.dictionary(isrcKeys) }

    /// Every claimed Spotify track id with its owning entry (the warehouse export).
    var spotifyIndex: [String: Int32] { Self.dictionary(spotifyKeys) }

    private static func owner(_ key: String, in table: CatalogKeyTable) -> Int32? {
        var key = key
        return key.withUTF8 { table.owner(bytes: UnsafeRawBufferPointer($0)) }
    }

    private static func dictionary(_ table: CatalogKeyTable) -> [String: Int32] {
        Dictionary(uniqueKeysWithValues: table.claims.map { ($0.key.string, $0.owner) })
    }

    /// The table in which `owners`, entries of this set, claimed their ISRCs (`isrc`) or Spotify
    /// track ids in this order; nil when one is no entry or has no such key.
    func keyTable(owners: [Int32], isrc: Bool) -> CatalogKeyTable? {
        CatalogKeyTable(owners: owners) { owner in
            guard owner >= 0, Int(owner) < entries.count else { return nil }
            let key = isrc ? entries[Int(owner)].isrcKey : entries[Int(owner)].spotifyKey
            return key.count == 0 ? nil : key
        }
    }

    /// Issue counts by kind, every kind present (zero when none).
    public var issuesByKind: [(CatalogIssue.Kind, Int)] {
        CatalogIssue.Kind.allCases.map { kind in (kind, issues.count { $0.kind == kind }) }
    }
}
