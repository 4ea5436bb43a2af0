import Foundation

/// One export file to read, with the path as the user gave it (a folder argument joined with the name).
public struct ExportFile: Hashable, Sendable {
    public let path: String

    /// Expands folder arguments into their `*.jsonl` / `*.jsonl.gz` files, in byte order of names.
    public static func resolve(_ arguments: [String]) throws -> [ExportFile] {
        var files: [ExportFile] = []
        for argument in arguments {
            guard FileBytes.exists(argument) else {
                throw ReconError.unreadable(path: argument, reason: "no such file or folder")
            }
            guard FileBytes.isDirectory(argument) else {
                files.append(ExportFile(path: argument))
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: argument)
            } catch {
                throw ReconError.unreadable(path: argument, reason: "cannot list the folder")
            }
            let prefix = argument.hasSuffix("/") ? argument : argument + "/"
            let exports = names
                .filter(isExportName)
                .filter { !FileBytes.isDirectory(prefix + $0) }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if exports.isEmpty { throw ReconError.emptyExportFolder(path: argument) }
            files += exports.map { ExportFile(path: prefix + $0) }
        }
        return files
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

    static func isExportName(_ name: String) -> Bool { name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.gz") }

    private static func looksLikeExport(_ name: String) -> Bool {
        let lower = name.lowercased()
        return [".jsonl", ".json", ".ndjson", ".gz", ".jsonl.gz", ".json.gz", ".ndjson.gz"].contains { lower.hasSuffix($0) }
    }
}
