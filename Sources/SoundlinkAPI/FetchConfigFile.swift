import Foundation
import ReconKit

/// The `"fetch"` object of the JSON configuration file (SPEC §13); `run` ignores it.
public struct FetchConfigFile: Sendable, Equatable {
    public var out: String?
    public var baseURL: String?
    public var campaigns: [String]?
    public var engagementContext: EngagementContext?
    public var requestsPerMinute: Int?
    public var requestsPerHour: Int?
    public var maxAttempts: Int?

    public init() {}

    static let keys: Set<String> = [
        "out", "base_url", "campaigns", "engagement_context", "requests_per_minute", "requests_per_hour", "max_attempts",
    ]

    /// Reads the file's `"fetch"` object (absent: nothing set); errors name the file and the key.
    public static func load(_ path: String) throws -> FetchConfigFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReconError.config(path: path, key: nil, reason: "cannot be read")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ReconError.config(path: path, key: nil, reason: "not a JSON object")
        }
        var config = FetchConfigFile()
        guard let value = root["fetch"] else { return config }
        guard let object = value as? [String: Any] else {
            throw ReconError.config(path: path, key: "fetch", reason: "must be an object")
        }
        for key in object.keys.sorted() where !keys.contains(key) && !key.hasPrefix("_") {
            throw ReconError.config(path: path, key: "fetch.\(key)", reason: "unknown key")
        }
        func string(_ key: String) throws -> String? {
            guard let value = object[key] else { return nil }
            guard let text = value as? String else {
                throw ReconError.config(path: path, key: "fetch.\(key)", reason: "must be a string")
            }
            return text
        }
        func positive(_ key: String) throws -> Int? {
            guard let value = object[key] else { return nil }
            guard let number = value as? NSNumber, !String(describing: type(of: value)).contains("Boolean"),
                  number.doubleValue == Double(number.intValue), number.intValue >= 1 else {
                throw ReconError.config(path: path, key: "fetch.\(key)", reason: "must be a whole number of at least 1")
            }
            return number.intValue
        }
        config.out = try string("out")
        config.baseURL = try string("base_url")
        if let value = object["campaigns"] {
            guard let list = value as? [Any], list.allSatisfy({ $0 is String }) else {
                throw ReconError.config(path: path, key: "fetch.campaigns", reason: "must be a list of campaign ids")
            }
            config.campaigns = list.compactMap { $0 as? String }
        }
        if let text = try string("engagement_context") {
            guard let context = EngagementContext(rawValue: text) else {
                throw ReconError.config(path: path, key: "fetch.engagement_context", reason: "must be catalog or playlist")
            }
            config.engagementContext = context
        }
        config.requestsPerMinute = try positive("requests_per_minute")
        config.requestsPerHour = try positive("requests_per_hour")
        config.maxAttempts = try positive("max_attempts")
        return config
    }
}
