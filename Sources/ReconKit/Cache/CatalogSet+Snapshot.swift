/// A `CatalogSet` in the re-run cache, written raw by `SnapshotWriter` in the order
/// `read(from:)` reads it back.
///
/// The entries are written as columns (partners, keys, lines, titles, artists);
/// the key tables as the owner of each claimed key in claim order, from which `read` claims
/// the owners' keys again.
extension CatalogSet {
    func write(to snapshot: SnapshotWriter) {
        snapshot.value(files.count)
        for file in files {
            snapshot.text(file.name)
            snapshot.text(file.path)
            snapshot.array([file.entries, file.usableEntries, file.issues])
            file.fingerprint!.write(to: snapshot)
        }
        // Columns streamed through the writer's buffer: a million entries would otherwise be
        // copied into a hundred megabytes of arrays while the run is at its largest.
        let partners = Dictionary(files.enumerated().map { ($0.element.name, Int32($0.offset)) }) { first, _ in first }
        var partner: (name: String, index: Int32)?  // entries come catalog by catalog: one lookup each
        snapshot.array(count: entries.count) { index in
            let name = entries[index].partner
            if name != partner?.name { partner = (name, partners[name]!) }
            return partner!.index
        }
        snapshot.array(count: entries.count) { entries[$0].isrcKey }
        snapshot.array(count: entries.count) { entries[$0].spotifyKey }
        snapshot.array(count: entries.count) { entries[$0].line }
        snapshot.texts(count: entries.count) { entries[$0].title }
        snapshot.texts(count: entries.count) { entries[$0].artist }
        snapshot.value(issues.count)
        for issue in issues {
            snapshot.text(issue.catalog)
            snapshot.value(issue.line)
            snapshot.text(issue.kind.rawValue)
            snapshot.text(issue.isrc)
            snapshot.text(issue.spotifyTrackID)
            snapshot.text(issue.detail)
        }
        snapshot.array(isrcKeys.claimOwners)
        snapshot.array(spotifyKeys.claimOwners)
    }

    /// Reads back what `write(to:)` wrote, to the end of the snapshot, and checks its checksum
    /// (`SnapshotReader.finish`) before the set is built: the whole set, or with `catalogs`, the
    /// set as it stood after its first `catalogs` catalogs. Catalogs are loaded in order, each
    /// appending its entries, its issues and its key claims after those of the catalogs before it
    /// (SPEC §3: the first claim wins), so the first catalogs' part of each is a prefix of it.
    static func read(from snapshot: SnapshotReader, catalogs: Int? = nil) throws(SnapshotDamaged) -> CatalogSet {
        var files: [FileStats] = []
        for _ in 0..<(try snapshot.count()) {
            var file = FileStats(name: try snapshot.text(), path: try snapshot.text())
            let counts: [Int] = try snapshot.array()
            guard counts.count == 3 else { throw SnapshotDamaged() }
            (file.entries, file.usableEntries, file.issues) = (counts[0], counts[1], counts[2])
            file.fingerprint = try InputFingerprint(from: snapshot)
            files.append(file)
        }
        let partners: [Int32] = try snapshot.array()
        let isrcKeys: [PackedKey] = try snapshot.array()
        let spotifyKeys: [PackedKey] = try snapshot.array()
        let lines: [Int] = try snapshot.array()
        let titles = try snapshot.texts()
        let artists = try snapshot.texts()
        var issues: [CatalogIssue] = []
        for _ in 0..<(try snapshot.count()) {
            let (catalog, line) = (try snapshot.text(), try snapshot.value(Int.self))
            guard let kind = CatalogIssue.Kind(rawValue: try snapshot.text()) else { throw SnapshotDamaged() }
            issues.append(CatalogIssue(
                catalog: catalog, line: line, kind: kind, isrc: try snapshot.text(), spotifyTrackID: try snapshot.text(),
                detail: try snapshot.text()))
        }
        let (isrcOwners, spotifyOwners) = (try snapshot.array(Int32.self), try snapshot.array(Int32.self))
        try snapshot.finish()

        let count = partners.count
        let kept = catalogs ?? files.count
        guard isrcKeys.count == count, spotifyKeys.count == count, lines.count == count, titles.count == count,
              artists.count == count, partners.allSatisfy({ $0 >= 0 && Int($0) < files.count }),
              files.reduce(0, { $0 + $1.usableEntries }) == count, files.reduce(0, { $0 + $1.issues }) == issues.count,
              (0...files.count).contains(kept)
        else { throw SnapshotDamaged() }
        var set = CatalogSet()
        set.files = Array(files.prefix(kept))
        let entryCount = set.files.reduce(0) { $0 + $1.usableEntries }
        set.entries.reserveCapacity(entryCount)
        for index in 0..<entryCount {
            set.entries.append(CatalogEntry(
                partner: files[Int(partners[index])].name, isrcKey: isrcKeys[index], spotifyKey: spotifyKeys[index],
                title: titles[index], artist: artists[index], line: lines[index]))
        }
        set.issues = Array(issues.prefix(set.files.reduce(0) { $0 + $1.issues }))
        func claimedByKept(_ owners: [Int32]) -> [Int32] { kept == files.count ? owners : owners.filter { Int($0) < entryCount } }
        guard let isrcTable = set.keyTable(owners: claimedByKept(isrcOwners), isrc: true),
              let spotifyTable = set.keyTable(owners: claimedByKept(spotifyOwners), isrc: false)
        else { throw SnapshotDamaged() }
        (set.isrcKeys, set.spotifyKeys) = (isrcTable, spotifyTable)
        return set
    }
}
