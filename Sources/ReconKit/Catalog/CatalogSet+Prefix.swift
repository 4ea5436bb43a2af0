extension CatalogSet {
    /// The set as it stood after loading its first `count` catalogs, or nil when its counts do
    /// not add up. Catalogs are loaded in order, and each appends its entries, its issues and
    /// its key claims after those of the catalogs before it (SPEC §3: the first claim wins), so
    /// the first catalogs' part of each is a prefix of it.
    func prefix(catalogs count: Int) -> CatalogSet? {
        guard count >= 0, count <= files.count else { return nil }
        var set = CatalogSet()
        set.files = Array(files.prefix(count))
        let entryCount = set.files.reduce(0) { $0 + $1.usableEntries }
        let issueCount = set.files.reduce(0) { $0 + $1.issues }
        guard entryCount <= entries.count, issueCount <= issues.count else { return nil }
        set.entries = Array(entries.prefix(entryCount))
        set.issues = Array(issues.prefix(issueCount))
        guard let isrcTable = set.keyTable(owners: isrcKeys.claimOwners.filter { Int($0) < entryCount }, isrc: true),
              let spotifyTable = set.keyTable(owners: spotifyKeys.claimOwners.filter { Int($0) < entryCount }, isrc: false)
        else { return nil }
        (set.isrcKeys, set.spotifyKeys) = (isrcTable, spotifyTable)
        return set
    }
}
