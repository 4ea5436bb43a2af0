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
            let found = names.prefix(10).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 10 ? ", …" : "")
            throw ReconError.catalogHeader(path: source.path, reason: """
                header has neither an ISRC nor a Spotify track id column (found \(found)); name yours in the \
                catalog's "columns" in the --config file
                """)
        }
        indices = CatalogRole.allCases.map { columns[$0] }
    }
}
