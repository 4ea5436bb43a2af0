/// The columns a catalog can provide.
public enum CatalogRole: String, CaseIterable, Sendable {
    case isrc
    case spotifyTrackID = "spotify_track_id"
    case title
    case artist

    /// The role's index in `allCases`.
    var position: Int {
        switch self {
        case .isrc: 0
        case .spotifyTrackID: 1
        case .title: 2
        case .artist: 3
        }
    }

    /// Built-in header aliases, already in normalised form (see `CatalogHeader.normalize`).
    var aliases: [String] {
        switch self {
        case .isrc: ["isrc", "isrccode"]
        case .spotifyTrackID: ["spotifytrackid", "spotifyid", "spotifyuri", "spotifyurl", "spotifytrack", "spotifylink"]
        case .title: ["title", "tracktitle", "trackname", "track", "name"]
        case .artist: ["artist", "artistname", "artists", "primaryartist"]
        }
    }
}

/// One partner catalog to load: its NAME, file, and optional dialect and column overrides.
public struct CatalogSource: Sendable, Equatable {
    public var name: String
    public var path: String
    /// The field delimiter; nil detects it from the header line.
    public var delimiter: UInt8?
    /// Header names that override the built-in aliases, per role.
    public var columns: [CatalogRole: String]

    public init(name: String, path: String, delimiter: UInt8? = nil, columns: [CatalogRole: String] = [:]) {
        self.name = name
        self.path = path
        self.delimiter = delimiter
        self.columns = columns
    }

    /// Parses a command-line `[NAME=]PATH`; NAME defaults to the file name without its last extension.
    public init(argument: String) {
        if let equals = argument.firstIndex(of: "="), !argument[..<equals].contains("/"), equals != argument.startIndex {
            self.init(name: String(argument[..<equals]), path: String(argument[argument.index(after: equals)...]))
        } else {
            self.init(name: Self.defaultName(for: argument), path: argument)
        }
    }

    /// The file name without its last extension.
    public static func defaultName(for path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}
