/// The JSON configuration file: every key optional; the command line overrides it.
///
/// Paths inside are taken relative to the working directory, like paths on the command line.
/// The file is read strictly: a key given twice, an unknown key or a value of the wrong kind
/// stops the job with the file and the key.
public struct ConfigFile: Sendable, Equatable {
    public var catalogs: [CatalogSource]?
    public var breakdown: [String]?
    public var engagement: [String]?
    public var overview: [String]?
    public var month: String?
    public var from: String?
    public var to: String?
    public var engagementContext: EngagementContext?
    public var out: String?
    public var maxUnmatchedRate: Rate?
    public var requireFinal: Bool?
    public var strict: Bool?
    public var requireTieOut: Bool?
    public var allocatePlaylistSpend: Bool?

    static let topLevelKeys: Set<String> = [
        "catalogs", "breakdown", "engagement", "month", "from", "to", "engagement_context", "out",
        "max_unmatched_rate", "require_final", "strict", "overview", "require_tie_out", "allocate_playlist_spend",
        // Read by `fetch` only (SPEC §13).
        "fetch",
    ]

    public init() {}

    /// Reads and checks the file; errors name the file and the key.
    public static func load(_ path: String) throws -> ConfigFile {
        let document: ConfigJSON
        do {
            document = try ConfigJSON.parse(try FileBytes.read(path))
        } catch let error as ConfigJSON.SyntaxError {
            throw ReconError.config(path: path, key: nil, reason: "not valid JSON (line \(error.line): \(error.reason))")
        }
        let reader = ConfigReader(path: path)
        guard case let .object(members) = document else {
            throw ReconError.config(path: path, key: nil, reason: "the top level must be a JSON object")
        }
        let root = try reader.members(members, allowed: topLevelKeys, prefix: "")
        var config = ConfigFile()
        config.catalogs = try root["catalogs"].map { try reader.catalogs($0) }
        config.breakdown = try root["breakdown"].map { try reader.strings($0, key: "breakdown") }
        config.engagement = try root["engagement"].map { try reader.strings($0, key: "engagement") }
        config.overview = try root["overview"].map { try reader.strings($0, key: "overview") }
        config.month = try root["month"].map { try reader.string($0, key: "month") }
        config.from = try root["from"].map { try reader.string($0, key: "from") }
        config.to = try root["to"].map { try reader.string($0, key: "to") }
        config.out = try root["out"].map { try reader.string($0, key: "out") }
        config.requireFinal = try root["require_final"].map { try reader.bool($0, key: "require_final") }
        config.strict = try root["strict"].map { try reader.bool($0, key: "strict") }
        config.requireTieOut = try root["require_tie_out"].map { try reader.bool($0, key: "require_tie_out") }
        config.allocatePlaylistSpend = try root["allocate_playlist_spend"].map {
            try reader.bool($0, key: "allocate_playlist_spend")
        }
        if let value = root["engagement_context"] {
            let text = try reader.string(value, key: "engagement_context")
            guard let context = EngagementContext(rawValue: text) else {
                throw ReconError.config(path: path, key: "engagement_context", reason: "must be catalog or playlist")
            }
            config.engagementContext = context
        }
        if let value = root["max_unmatched_rate"] {
            config.maxUnmatchedRate = try reader.rate(value, key: "max_unmatched_rate")
        }
        return config
    }
}

/// Typed access to configuration values, with errors naming the key.
private struct ConfigReader {
    let path: String

    private func error(_ key: String, _ reason: String) -> ReconError {
        .config(path: path, key: key, reason: reason)
    }

    /// The members of an object by key; a repeated key, or one not in `allowed` (keys starting
    /// with `_` are comments), is an error naming it.
    func members(
        _ members: [(key: String, value: ConfigJSON)], allowed: Set<String>?, prefix: String
    ) throws -> [String: ConfigJSON] {
        var result: [String: ConfigJSON] = [:]
        for (key, value) in members {
            guard result.updateValue(value, forKey: key) == nil else { throw error(prefix + key, "given twice") }
            if let allowed, !allowed.contains(key), !key.hasPrefix("_") { throw error(prefix + key, "unknown key") }
        }
        return result
    }

    func string(_ value: ConfigJSON, key: String) throws -> String {
        guard case let .string(text) = value else { throw error(key, "must be a string, not \(value.kindName)") }
        return text
    }

    func bool(_ value: ConfigJSON, key: String) throws -> Bool {
        guard case let .bool(flag) = value else { throw error(key, "must be true or false, not \(value.kindName)") }
        return flag
    }

    /// A rate from 0 to 1, read from the number's text (never through a `Double`).
    func rate(_ value: ConfigJSON, key: String) throws -> Rate {
        guard case let .number(text) = value else { throw error(key, "must be a number from 0 to 1, not \(value.kindName)") }
        guard let rate = Rate.limit(text) else {
            throw error(key, "must be a number from 0 to 1")
        }
        return rate
    }

    func strings(_ value: ConfigJSON, key: String) throws -> [String] {
        if case let .string(text) = value { return [text] }
        guard case let .array(list) = value else {
            throw error(key, "must be a path or a list of paths, not \(value.kindName)")
        }
        return try list.enumerated().map { try string($0.element, key: "\(key)[\($0.offset)]") }
    }

    func catalogs(_ value: ConfigJSON) throws -> [CatalogSource] {
        guard case let .array(list) = value else {
            throw error("catalogs", "must be a list of catalogs, not \(value.kindName)")
        }
        return try list.enumerated().map { index, item in
            let key = "catalogs[\(index)]"
            guard case let .object(members) = item else { throw error(key, "must be an object with a path") }
            let object = try self.members(members, allowed: ["name", "path", "delimiter", "columns"], prefix: key + ".")
            guard let file = object["path"] else { throw error("\(key).path", "is required") }
            let filePath = try string(file, key: "\(key).path")
            let name = try object["name"].map { try string($0, key: "\(key).name") }
            // An empty NAME would print matched lines with the empty partner of unmatched and playlist ones.
            if name?.isEmpty == true { throw error("\(key).name", "must not be empty (leave the key out for the file stem)") }
            var source = CatalogSource(name: name ?? CatalogSource.defaultName(for: filePath), path: filePath)
            if let delimiter = object["delimiter"] {
                source.delimiter = try self.delimiter(try string(delimiter, key: "\(key).delimiter"), key: "\(key).delimiter")
            }
            if let columns = object["columns"] {
                guard case let .object(roles) = columns else {
                    throw error("\(key).columns", "must be an object, not \(columns.kindName)")
                }
                _ = try self.members(roles, allowed: nil, prefix: "\(key).columns.")
                for (roleName, header) in roles where !roleName.hasPrefix("_") {
                    guard let role = CatalogRole(rawValue: roleName) else {
                        throw error("\(key).columns.\(roleName)", "unknown role (isrc, spotify_track_id, title, artist)")
                    }
                    source.columns[role] = try string(header, key: "\(key).columns.\(roleName)")
                }
            }
            return source
        }
    }

    func delimiter(_ text: String, key: String) throws -> UInt8 {
        switch text {
        case ",": UInt8(ascii: ",")
        case ";": UInt8(ascii: ";")
        case "\t", "tab": 0x09
        default: throw error(key, "must be \",\", \";\" or \"tab\"")
        }
    }
}
