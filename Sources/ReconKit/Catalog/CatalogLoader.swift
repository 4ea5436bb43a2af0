/// Loads partner catalogs in order; the first claim of each key wins (SPEC §3, §8).
public enum CatalogLoader {
    /// Reads every catalog; throws when one cannot be used at all.
    public static func load(_ sources: [CatalogSource]) throws -> CatalogSet {
        var names = Set<String>()
        for source in sources where !names.insert(source.name).inserted {
            throw ReconError.duplicateCatalogName(name: source.name)
        }
        var set = CatalogSet()
        for source in sources {
            try load(source, into: &set)
        }
        return set
    }

    private static func load(_ source: CatalogSource, into set: inout CatalogSet) throws {
        let text = CatalogText.utf8Text(try FileBytes.read(source.path))
        let delimiter = source.delimiter ?? CatalogText.detectDelimiter(text)
        let reader = try CSVRecordReader(path: source.path, delimiter: delimiter)
        // Rows are rarely shorter than 40 bytes: reserve once instead of rehashing as the index grows.
        set.isrcIndex.reserveCapacity(set.isrcIndex.count + text.count / 40)
        set.spotifyIndex.reserveCapacity(set.spotifyIndex.count + text.count / 40)
        var header: CatalogHeader?
        var stats = CatalogSet.FileStats(name: source.name, path: source.path)
        let claims = KeyClaims(catalog: source.name)
        try reader.read(text) { record in
            guard let columns = header else {
                header = try CatalogHeader(names: (0..<record.count).map { CatalogText.decode(record.field($0)).text },
                                           source: source)
                return
            }
            if record.isBlank { return }
            stats.entries += 1
            let issuesBefore = set.issues.count
            if claims.add(record, columns: columns, to: &set) { stats.usableEntries += 1 }
            stats.issues += set.issues.count - issuesBefore
        }
        if header == nil {
            throw ReconError.catalogHeader(path: source.path, reason: "file is empty: no header line")
        }
        set.files.append(stats)
    }
}

/// Applies one catalog's records to the shared key index.
private struct KeyClaims {
    let catalog: String

    /// Adds the record's entry; returns true when it owns at least one key.
    func add(_ record: CSVRecord, columns: CatalogHeader, to set: inout CatalogSet) -> Bool {
        let allValidUTF8 = (0..<record.count).allSatisfy { UTF8Validation.isValid(record.field($0)) }
        func bytes(_ role: CatalogRole) -> UnsafeRawBufferPointer {
            record.field(columns[role] ?? Int.max)
        }
        func value(_ role: CatalogRole) -> String {
            guard columns[role] != nil else { return "" }
            return TextCut.freeText(CatalogText.decode(bytes(role)).text)
        }
        let isrc = normalized(bytes(.isrc), valid: allValidUTF8, ISRC.normalize(bytes:), ISRC.normalize)
        let spotify = normalized(bytes(.spotifyTrackID), valid: allValidUTF8,
                                 SpotifyTrackID.normalize(bytes:), SpotifyTrackID.normalize)
        var kinds: [(CatalogIssue.Kind, String)] = []
        if case .invalid = isrc { kinds.append((.invalidISRC, "not a valid ISRC")) }
        if case .invalid = spotify { kinds.append((.invalidSpotifyID, "not a valid Spotify track id")) }
        if isrc.value == nil, spotify.value == nil {
            kinds.append((.noKeys, "neither key is valid: entry unusable"))
        }
        if !allValidUTF8 { kinds.append((.invalidUTF8, "not valid UTF-8: read as Windows-1252")) }

        let entryNumber = Int32(set.entries.count)
        var owns = false
        if let key = isrc.value {
            let owner = Self.claim(key, entryNumber, in: &set.isrcIndex)
            if owner == entryNumber {
                owns = true
            } else {
                kinds.append(conflict(owner, in: set, duplicate: .duplicateISRC, conflict: .conflictISRC))
            }
        }
        if let key = spotify.value {
            let owner = Self.claim(key, entryNumber, in: &set.spotifyIndex)
            if owner == entryNumber {
                owns = true
            } else {
                kinds.append(conflict(owner, in: set, duplicate: .duplicateSpotifyID, conflict: .conflictSpotifyID))
            }
        }
        for (kind, detail) in kinds.sorted(by: { $0.0 < $1.0 }) {
            set.issues.append(CatalogIssue(
                catalog: catalog, line: record.line, kind: kind,
                isrc: isrc.display, spotifyTrackID: spotify.display, detail: detail))
        }
        if owns {
            set.entries.append(CatalogEntry(
                partner: catalog, isrc: isrc.value, spotifyTrackID: spotify.value,
                title: value(.title), artist: value(.artist), line: record.line))
        }
        return owns
    }

    /// Gives `key` to `entry` unless it is taken; returns the owner either way (one hash lookup).
    private static func claim(_ key: String, _ entry: Int32, in index: inout [String: Int32]) -> Int32 {
        func owner(_ value: inout Int32) -> Int32 { value }
        return owner(&index[key, default: entry])
    }

    /// Normalises from the bytes, or from the Windows-1252 reading when the record is not UTF-8.
    private func normalized(
        _ field: UnsafeRawBufferPointer, valid: Bool,
        _ fromBytes: (UnsafeRawBufferPointer) -> Identifier, _ fromText: (String?) -> Identifier
    ) -> Identifier {
        valid ? fromBytes(field) : fromText(CatalogText.decode(field).text)
    }

    private func conflict(
        _ owner: Int32, in set: CatalogSet, duplicate: CatalogIssue.Kind, conflict: CatalogIssue.Kind
    ) -> (CatalogIssue.Kind, String) {
        let first = set.entries[Int(owner)]
        let kind = first.partner == catalog ? duplicate : conflict
        return (kind, "first claimed by \(first.partner) line \(first.line)")
    }
}
