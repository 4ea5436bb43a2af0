import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `.soundlink-recon.json` file of an output set: which command wrote it, with which
/// version, and every file it holds (SPEC §13). A set is complete only when every listed file is there.
struct OutputSetMarker: Equatable {
    static let fileName = ".soundlink-recon.json"

    var kind: OutputKind
    var version: String
    var files: [String]

    /// The marker's JSON text.
    var rendered: String {
        JSONText.object([
            ("command", .string(kind.rawValue)),
            ("version", .string(version)),
            ("files", .array(files.sorted().map { .string($0) })),
        ]).rendered() + "\n"
    }

    /// What an existing folder holds, as far as ownership goes.
    enum Contents: Equatable {
        case empty
        /// A complete set written by this tool (or, before markers, recognised by its `summary.json`).
        case outputSet(OutputKind)
        /// A set whose marker is readable but whose files no longer match it: the names found that
        /// the marker does not list, the listed names that are gone, and the listed files modified
        /// after the marker was written (a report edited by hand; all three sorted).
        case changedSet(OutputKind, added: [String], missing: [String], edited: [String])
        /// Anything else: the names found there (sorted).
        case foreign([String])
    }

    /// Reads `folder` and decides whose it is.
    static func contents(of folder: String) -> Contents {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return .foreign([]) }
        if names.isEmpty { return .empty }
        let byBytes: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let sortedNames = names.sorted(by: byBytes)
        if names.contains(fileName) {
            guard let marker = read(folder + "/" + fileName) else { return .foreign(sortedNames) }
            let listed = Set(marker.files + [fileName])
            let edited = editedFiles(sortedNames.filter { $0 != fileName }, in: folder)
            guard Set(names) == listed, edited.isEmpty else {
                return .changedSet(marker.kind,
                                   added: sortedNames.filter { !listed.contains($0) },
                                   missing: listed.subtracting(names).sorted(by: byBytes),
                                   edited: edited.filter(listed.contains))
            }
            return .outputSet(marker.kind)
        }
        return legacyKind(names).map(Contents.outputSet) ?? .foreign(sortedNames)
    }

    /// The names among `names` whose files were modified after the marker: a set's files are all
    /// written before its marker, so a later modification time means an edit by hand.
    private static func editedFiles(_ names: [String], in folder: String) -> [String] {
        guard let markerTime = modificationTime(folder + "/" + fileName) else { return [] }
        return names.filter { name in modificationTime(folder + "/" + name).map { $0 > markerTime } ?? false }
    }

    /// A file's modification time (seconds, nanoseconds), without following a symbolic link.
    private static func modificationTime(_ path: String) -> (Int, Int)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
    }

    /// Sets written before the marker existed: only report names, with a `summary.json`.
    private static func legacyKind(_ names: [String]) -> OutputKind? {
        let runFiles: Set<String> = [
            "territories.csv", "tracks.csv", "partners.csv", "unmatched.csv", "catalog_issues.csv",
            "rejected.jsonl", "summary.json", "summary.md", "report.html",
        ]
        guard names.contains("summary.json"), names.allSatisfy(runFiles.contains) else { return nil }
        return names.contains("territories.csv") ? .run : .validate
    }

    static func read(_ path: String) -> OutputSetMarker? {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let kind = (object["command"] as? String).flatMap(OutputKind.init(rawValue:)),
              let version = object["version"] as? String,
              let files = object["files"] as? [String],
              files.allSatisfy({ !$0.contains("/") && $0 != fileName })
        else { return nil }
        return OutputSetMarker(kind: kind, version: version, files: files)
    }
}
