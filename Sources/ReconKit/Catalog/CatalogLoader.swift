/// Loads partner catalogs in order; the first claim of each key wins (SPEC §3, §8).
public enum CatalogLoader {
    /// Reads every catalog; throws when one cannot be used at all. `loaded` is the set as it
    /// stood after loading the first of `sources` (the re-run cache's, when those did not
    /// change): only the catalogs after those are read.
    public static func load(_ sources: [CatalogSource], after loaded: CatalogSet = CatalogSet()) throws -> CatalogSet {
        var names = Set<String>()
        for source in sources where !names.insert(source.name).inserted {
            throw ReconError.duplicateCatalogName(name: source.name)
        }
        var set = loaded
        let remaining = sources.dropFirst(loaded.files.count)
        // Rows are rarely shorter than 40 bytes. Reserving once for every file avoids copying
        // the entries at each doubling; room never used is never touched, so costs no memory.
        // Capped, so that a huge or mistaken file asks for no absurd reservation up front.
        let rows = min(remaining.reduce(0) { $0 + fileSize($1.path) } / 40, 4_000_000)
        set.entries.reserveCapacity(set.entries.count + rows)
        set.isrcKeys.reserveCapacity(set.isrcKeys.count + rows)
        set.spotifyKeys.reserveCapacity(set.spotifyKeys.count + rows)
        for source in remaining {
            try load(source, into: &set)
        }
        return set
    }

    private static func load(_ source: CatalogSource, into set: inout CatalogSet) throws {
        let digest = FileDigest()
        let text = CatalogText.utf8Text(try FileBytes.read(source.path, digest: digest))
        let delimiter = source.delimiter ?? CatalogText.detectDelimiter(text)
        let reader = try CSVRecordReader(path: source.path, delimiter: delimiter)
        var stats = CatalogSet.FileStats(name: source.name, path: source.path)
        var claims: KeyClaims?
        try reader.read(text) { record in
            guard let claims else {
                let header = try CatalogHeader(
                    names: (0..<record.count).map { CatalogText.decode(record.field($0)).text }, source: source)
                claims = KeyClaims(catalog: source.name, columns: header)
                return
            }
            if record.isBlank { return }
            stats.entries += 1
            let issuesBefore = set.issues.count
            if claims.add(record, to: &set) { stats.usableEntries += 1 }
            stats.issues += set.issues.count - issuesBefore
        }
        if claims == nil {
            throw ReconError.catalogHeader(path: source.path, reason: "file is empty: no header line")
        }
        stats.fingerprint = digest.fingerprint(kind: "catalog", path: source.path)
        set.files.append(stats)
    }

    /// The size of the regular file at `path`; 0 when it is none (reading it reports why).
    private static func fileSize(_ path: String) -> Int {
        FileIdentity(path: path).map { Int($0.size) } ?? 0
    }
}

/// Applies one catalog's records to the shared key index.
private struct KeyClaims {
    let catalog: String
    /// The column of each role, `Int.max` when the catalog has none (such a field reads as empty).
    private let isrcColumn: Int
    private let spotifyColumn: Int
    private let titleColumn: Int
    private let artistColumn: Int

    init(catalog: String, columns: CatalogHeader) {
        self.catalog = catalog
        isrcColumn = columns[.isrc] ?? Int.max
        spotifyColumn = columns[.spotifyTrackID] ?? Int.max
        titleColumn = columns[.title] ?? Int.max
        artistColumn = columns[.artist] ?? Int.max
    }

    /// Adds the record's entry; returns true when it owns at least one key.
    func add(_ record: CSVRecord, to set: inout CatalogSet) -> Bool {
        var allValidUTF8 = true
        for index in 0..<record.count where !UTF8Validation.isValid(record.field(index)) {
            allValidUTF8 = false
            break
        }
        let isrcField = record.field(isrcColumn)
        let spotifyField = record.field(spotifyColumn)
        let isrc = Self.key(isrcField, valid: allValidUTF8, ISRC.key(bytes:), ISRC.normalize)
        let spotify = Self.key(spotifyField, valid: allValidUTF8, SpotifyTrackID.key(bytes:), SpotifyTrackID.normalize)
        let isrcKey = PackedKey(isrc)
        let spotifyKey = PackedKey(spotify)
        var kinds: [(CatalogIssue.Kind, String)] = []
        if isrc.kind == .invalid { kinds.append((.invalidISRC, "not a valid ISRC")) }
        if spotify.kind == .invalid { kinds.append((.invalidSpotifyID, "not a valid Spotify track id")) }
        if isrcKey == nil, spotifyKey == nil {
            kinds.append((.noKeys, "neither key is valid: entry unusable"))
        }
        if !allValidUTF8 { kinds.append((.invalidUTF8, "not valid UTF-8: read as Windows-1252")) }

        let entryNumber = Int32(set.entries.count)
        var owns = false
        if let isrcKey {
            let owner = set.isrcKeys.claim(isrcKey, entry: entryNumber)
            if owner == entryNumber {
                owns = true
            } else {
                kinds.append(conflict(owner, in: set, duplicate: .duplicateISRC, conflict: .conflictISRC))
            }
        }
        if let spotifyKey {
            let owner = set.spotifyKeys.claim(spotifyKey, entry: entryNumber)
            if owner == entryNumber {
                owns = true
            } else {
                kinds.append(conflict(owner, in: set, duplicate: .duplicateSpotifyID, conflict: .conflictSpotifyID))
            }
        }
        if !kinds.isEmpty {
            let isrcDisplay = Self.display(isrc, field: isrcField, valid: allValidUTF8)
            let spotifyDisplay = Self.display(spotify, field: spotifyField, valid: allValidUTF8)
            for (kind, detail) in kinds.sorted(by: { $0.0 < $1.0 }) {
                set.issues.append(CatalogIssue(
                    catalog: catalog, line: record.line, kind: kind,
                    isrc: isrcDisplay, spotifyTrackID: spotifyDisplay, detail: detail))
            }
        }
        if owns {
            set.entries.append(CatalogEntry(
                partner: catalog, isrcKey: isrcKey, spotifyKey: spotifyKey,
                title: Self.text(record.field(titleColumn), present: titleColumn != Int.max, valid: allValidUTF8),
                artist: Self.text(record.field(artistColumn), present: artistColumn != Int.max, valid: allValidUTF8),
                line: record.line))
        }
        return owns
    }

    /// The normalised key, from the bytes, or from the Windows-1252 reading when the record is not UTF-8.
    private static func key(
        _ field: UnsafeRawBufferPointer, valid: Bool,
        _ fromBytes: (UnsafeRawBufferPointer) -> IdentifierKey, _ fromText: (String?) -> Identifier
    ) -> IdentifierKey {
        valid ? fromBytes(field) : IdentifierKey(fromText(CatalogText.decode(field).text))
    }

    /// The printed key of an issue: normalised when valid, else the text read (SPEC §8).
    private static func display(_ key: IdentifierKey, field: UnsafeRawBufferPointer, valid: Bool) -> String {
        switch key.kind {
        case .absent: ""
        case .valid: key.withBytes(ASCIIBytes.string)
        case .invalid: valid ? ASCIIBytes.string(field) : CatalogText.decode(field).text
        }
    }

    /// A free-text column (empty when the catalog has none), as printed in the reports.
    private static func text(_ field: UnsafeRawBufferPointer, present: Bool, valid: Bool) -> String {
        guard present else { return "" }
        guard valid else { return TextCut.freeText(CatalogText.decode(field).text) }
        if let cleaned = TextCut.freeText(field) { return String(decoding: cleaned, as: UTF8.self) }
        return String(decoding: field, as: UTF8.self)
    }

    private func conflict(
        _ owner: Int32, in set: CatalogSet, duplicate: CatalogIssue.Kind, conflict: CatalogIssue.Kind
    ) -> (CatalogIssue.Kind, String) {
        let first = set.entries[Int(owner)]
        let kind = first.partner == catalog ? duplicate : conflict
        return (kind, "first claimed by \(first.partner) line \(first.line)")
    }
}
