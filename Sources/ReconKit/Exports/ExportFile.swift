import Foundation

/// One export file to read, with the path as the user gave it (a folder argument joined with the name).
public struct ExportFile: Hashable, Sendable {
    public let path: String

    /// Expands folder arguments into their `*.jsonl` / `*.jsonl.gz` files, in byte order of names.
    public static func resolve(_ arguments: [String]) throws -> [ExportFile] {
        try FolderArguments.expand(arguments, accept: isExportName, whenEmpty: ReconError.emptyExportFolder)
            .map(ExportFile.init(path:))
    }

    /// Files in the folder arguments that look like exports but are not read: another case of
    /// the extension, `.json`, `.ndjson`, or a `.gz` of another name. Sorted as bytes.
    public static func skipped(_ arguments: [String]) -> [String] {
        var skipped: [String] = []
        for argument in arguments where FileBytes.isDirectory(argument) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
            let prefix = argument.hasSuffix("/") ? argument : argument + "/"
            for name in names where !isExportName(name) && looksLikeExport(name) && !FileBytes.isDirectory(prefix + name) {
                skipped.append(prefix + name)
            }
        }
        return skipped.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Hidden names (such as the `.fetch-tmp-…` file a killed `fetch` left) are not exports, as for overviews.
    static func isExportName(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.gz"))
    }

    private static func looksLikeExport(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        let lower = name.lowercased()
        return [".jsonl", ".json", ".ndjson", ".gz", ".jsonl.gz", ".json.gz", ".ndjson.gz"].contains { lower.hasSuffix($0) }
    }
}
