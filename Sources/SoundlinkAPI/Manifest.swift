import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReconKit

/// `manifest.json`: one entry per fetched file, with what decides whether its window is final.
public struct Manifest: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        /// Relative to the fetch folder: `breakdown/breakdown_{id}_{start}_{end}.jsonl`.
        public var path: String
        public var campaign: String
        public var kind: FetchKind
        public var windowStart: String
        public var windowEnd: String
        /// When its response completed (ISO-8601 UTC).
        public var fetchedAt: String
        /// Lines of an export; nil for an overview.
        public var rows: Int?
        public var bytes: Int
        public var sha256: String
        /// The window's three files were complete and none of its rows can still change.
        public var windowFinal: Bool
        /// `export` or `paginated` (breakdown only).
        public var mode: String?
        /// The `engagementContext` asked for, `all` without one (engagement only).
        public var engagementContext: String?

        enum CodingKeys: String, CodingKey {
            case path, campaign, kind, rows, bytes, sha256, mode
            case windowStart = "window_start"
            case windowEnd = "window_end"
            case fetchedAt = "fetched_at"
            case windowFinal = "window_final"
            case engagementContext = "engagement_context"
        }
    }

    public var version = 1
    /// Sorted by path, so that two fetches of the same data differ only in `fetched_at`.
    public private(set) var files: [Entry] = []

    public init() {}

    public static let fileName = "manifest.json"

    /// Reads `folder/manifest.json`; a folder without one has an empty manifest.
    public static func load(folder: String) throws -> Manifest {
        let path = folder + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return Manifest() }
        do {
            return try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw FetchError.file(path: path, reason: "not a manifest written by soundlink-recon fetch")
        }
    }

    public func entry(_ path: String) -> Entry? {
        files.first { $0.path == path }
    }

    /// Replaces the entries of the same paths.
    public mutating func record(_ entries: [Entry]) {
        let paths = Set(entries.map(\.path))
        files.removeAll { paths.contains($0.path) }
        files.append(contentsOf: entries)
        files.sort { $0.path < $1.path }
    }

    /// True when the window need not be asked for again: final, fetched in this mode and context,
    /// and its files still there at their recorded sizes.
    public func isFinal(campaign: String, window: FetchWindow, paginated: Bool, context: EngagementContext?,
                        folder: String) -> Bool {
        for kind in FetchKind.allCases {
            let path = kind.relativePath(campaign: campaign, window: window)
            guard let entry = entry(path), entry.windowFinal else { return false }
            if kind == .breakdown, entry.mode != (paginated ? "paginated" : "export") { return false }
            if kind == .engagement, entry.engagementContext != (context?.rawValue ?? "all") { return false }
            var info = stat()
            guard stat(folder + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == entry.bytes
            else { return false }
        }
        return true
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }
}
