import Foundation

/// The JSON configuration file: every key optional; the command line overrides it.
///
/// Paths inside are taken relative to the working directory, like paths on the command line.
public struct ConfigFile: Sendable, Equatable {
    public var catalogs: [CatalogSource]?
    public var breakdown: [String]?
    public var engagement: [String]?
    public var month: String?
    public var from: String?
    public var to: String?
    public var engagementContext: EngagementContext?
    public var out: String?
    public var maxUnmatchedRate: Rate?
    public var requireFinal: Bool?
    public var strict: Bool?
    public var allocatePlaylistSpend: Bool?

    static let topLevelKeys: Set<String> = [
        "catalogs", "breakdown", "engagement", "month", "from", "to", "engagement_context", "out",
        "max_unmatched_rate", "require_final", "strict", "allocate_playlist_spend",
    ]

    public init() {}

    /// Reads and checks the file; errors name the file and the key.
    public static func load(_ path: String) throws -> ConfigFile {
        let bytes = try FileBytes.read(path)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw ReconError.config(path: path, key: nil, reason: "not valid JSON")
        }
        guard let root = object as? [String: Any] else {
            throw ReconError.config(path: path, key: nil, reason: "the top level must be a JSON object")
        }
        let reader = ConfigReader(path: path)
        var config = ConfigFile()
        for key in root.keys.sorted() where !topLevelKeys.contains(key) && !key.hasPrefix("_") {
            throw ReconError.config(path: path, key: key, reason: "unknown key")
        }
        config.catalogs = try root["catalogs"].map { try reader.catalogs($0) }
        config.breakdown = try root["breakdown"].map { try reader.strings($0, key: "breakdown") }
        config.engagement = try root["engagement"].map { try reader.strings($0, key: "engagement") }
        config.month = try root["month"].map { try reader.string($0, key: "month") }
        config.from = try root["from"].map { try reader.string($0, key: "from") }
        config.to = try root["to"].map { try reader.string($0, key: "to") }
        config.out = try root["out"].map { try reader.string($0, key: "out") }
        config.requireFinal = try root["require_final"].map { try reader.bool($0, key: "require_final") }
        config.strict = try root["strict"].map { try reader.bool($0, key: "strict") }
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
            let text = (value as? NSNumber).map { "\($0.doubleValue)" } ?? (value as? String) ?? ""
            guard let rate = Rate.parse(text), rate.millionths >= 0, rate.millionths <= 1_000_000 else {
                throw ReconError.config(path: path, key: "max_unmatched_rate", reason: "must be a number from 0 to 1")
            }
            config.maxUnmatchedRate = rate
        }
        return config
    }
}

/// Typed access to configuration values, with errors naming the key.
private struct ConfigReader {
    let path: String

    func string(_ value: Any, key: String) throws -> String {
        guard let text = value as? String else { throw ReconError.config(path: path, key: key, reason: "must be a string") }
        return text
    }

    func bool(_ value: Any, key: String) throws -> Bool {
        // Foundation bridges JSON booleans to a Boolean NSNumber subclass; plain numbers are refused.
        guard let flag = value as? Bool, String(describing: type(of: value)).contains("Boolean") else {
            throw ReconError.config(path: path, key: key, reason: "must be true or false")
        }
        return flag
    }

    func strings(_ value: Any, key: String) throws -> [String] {
        if let text = value as? String { return [text] }
        guard let list = value as? [Any] else {
            throw ReconError.config(path: path, key: key, reason: "must be a path or a list of paths")
        }
        return try list.enumerated().map { try string($0.element, key: "\(key)[\($0.offset)]") }
    }

    func catalogs(_ value: Any) throws -> [CatalogSource] {
        guard let list = value as? [Any] else {
            throw ReconError.config(path: path, key: "catalogs", reason: "must be a list of catalogs")
        }
        return try list.enumerated().map { index, item in
            let key = "catalogs[\(index)]"
            guard let object = item as? [String: Any] else {
                throw ReconError.config(path: path, key: key, reason: "must be an object with a path")
            }
            for name in object.keys.sorted()
            where !["name", "path", "delimiter", "columns"].contains(name) && !name.hasPrefix("_") {
                throw ReconError.config(path: path, key: "\(key).\(name)", reason: "unknown key")
            }
            guard let file = object["path"] else { throw ReconError.config(path: path, key: "\(key).path", reason: "is required") }
            let filePath = try string(file, key: "\(key).path")
            var source = CatalogSource(
                name: try object["name"].map { try string($0, key: "\(key).name") } ?? CatalogSource.defaultName(for: filePath),
                path: filePath)
            if let delimiter = object["delimiter"] {
                source.delimiter = try self.delimiter(try string(delimiter, key: "\(key).delimiter"), key: "\(key).delimiter")
            }
            if let columns = object["columns"] {
                guard let mapping = columns as? [String: Any] else {
                    throw ReconError.config(path: path, key: "\(key).columns", reason: "must be an object")
                }
                for (roleName, header) in mapping {
                    guard let role = CatalogRole(rawValue: roleName) else {
                        throw ReconError.config(path: path, key: "\(key).columns.\(roleName)",
                                                reason: "unknown role (isrc, spotify_track_id, title, artist)")
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
        default: throw ReconError.config(path: path, key: key, reason: "must be \",\", \";\" or \"tab\"")
        }
    }
}
