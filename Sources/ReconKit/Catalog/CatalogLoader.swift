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
        var header: CatalogHeader?
        var stats = CatalogSet.FileStats(name: source.name, path: source.path)
        let claims = KeyClaims(catalog: source.name)
        try reader.read(text) { record in
            guard let columns = header else {
                header = try CatalogHeader(names: record.fields.map { CatalogText.decode($0).text }, source: source)
                return
            }
            if record.isBlank { return }
            stats.entries += 1
            let issuesBefore = set.issues.count
            if claims.add(record, columns: columns.columns, to: &set) { stats.usableEntries += 1 }
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
    func add(_ record: CSVRecord, columns: [CatalogRole: Int], to set: inout CatalogSet) -> Bool {
        var allValidUTF8 = true
        let texts = record.fields.map { field in
            let decoded = CatalogText.decode(field)
            allValidUTF8 = allValidUTF8 && decoded.wasValidUTF8
            return decoded.text
        }
        func value(_ role: CatalogRole) -> String {
            guard let index = columns[role], index < texts.count else { return "" }
            return texts[index]
        }
        let isrc = ISRC.normalize(value(.isrc))
        let spotify = SpotifyTrackID.normalize(value(.spotifyTrackID))
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
            if let owner = set.isrcIndex[key] {
                kinds.append(conflict(owner, in: set, duplicate: .duplicateISRC, conflict: .conflictISRC))
            } else {
                set.isrcIndex[key] = entryNumber
                owns = true
            }
        }
        if let key = spotify.value {
            if let owner = set.spotifyIndex[key] {
                kinds.append(conflict(owner, in: set, duplicate: .duplicateSpotifyID, conflict: .conflictSpotifyID))
            } else {
                set.spotifyIndex[key] = entryNumber
                owns = true
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

    private func conflict(
        _ owner: Int32, in set: CatalogSet, duplicate: CatalogIssue.Kind, conflict: CatalogIssue.Kind
    ) -> (CatalogIssue.Kind, String) {
        let first = set.entries[Int(owner)]
        let kind = first.partner == catalog ? duplicate : conflict
        return (kind, "first claimed by \(first.partner) line \(first.line)")
    }
}
