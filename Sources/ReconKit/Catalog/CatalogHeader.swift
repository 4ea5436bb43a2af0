/// Which column of a catalog plays which role, resolved from its header line.
struct CatalogHeader {
    /// Column index per role, in `CatalogRole.allCases` order (an array: no hashing per record).
    private let indices: [Int?]

    /// The column that plays `role`, if any.
    subscript(role: CatalogRole) -> Int? { indices[role.position] }

    /// Lower-cases and drops spaces, `_`, `-` and `.` so that `ISRC Code` matches `isrccode`.
    static func normalize(_ name: String) -> String {
        String(String.UnicodeScalarView(
            name.lowercased().unicodeScalars.filter { !" _-.".unicodeScalars.contains($0) && !$0.isTrimmable }
        ))
    }

    init(names: [String], source: CatalogSource) throws {
        let normalized = names.map(Self.normalize)
        var columns: [CatalogRole: Int] = [:]
        for role in CatalogRole.allCases {
            if let wanted = source.columns[role] {
                guard let index = normalized.firstIndex(of: Self.normalize(wanted)) else {
                    throw ReconError.catalogHeader(
                        path: source.path,
                        reason: "configured \(role.rawValue) column '\(wanted)' is not in the header")
                }
                columns[role] = index
            } else if let index = normalized.firstIndex(where: role.aliases.contains) {
                columns[role] = index
            }
        }
        guard columns[.isrc] != nil || columns[.spotifyTrackID] != nil else {
            throw ReconError.catalogHeader(path: source.path, reason: Self.noKeyColumnReason(names))
        }
        indices = CatalogRole.allCases.map { columns[$0] }
    }

    /// What to tell a user whose header has no key column: the names found (at most ten, each cut
    /// at 40 characters), or, when the line holds control characters, that the file is not text.
    private static func noKeyColumnReason(_ names: [String]) -> String {
        let isText = names.allSatisfy { name in
            name.unicodeScalars.allSatisfy { $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F) }
        }
        guard isText else {
            return "the header line is not text (a spreadsheet or another binary file?); save the catalog as CSV"
        }
        let shown = names.prefix(10).map { name in
            "'" + (name.count > 40 ? name.prefix(40) + "…" : name) + "'"
        }
        return "header has neither an ISRC nor a Spotify track id column (found "
            + shown.joined(separator: ", ") + (names.count > 10 ? ", …" : "")
            + "); name yours in the catalog's \"columns\" in the --config file"
    }
}
