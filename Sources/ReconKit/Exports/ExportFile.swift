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
                .filter { $0.hasSuffix(".jsonl") || $0.hasSuffix(".jsonl.gz") }
                .filter { !FileBytes.isDirectory(prefix + $0) }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if exports.isEmpty { throw ReconError.emptyExportFolder(path: argument) }
            files += exports.map { ExportFile(path: prefix + $0) }
        }
        return files
    }
}
