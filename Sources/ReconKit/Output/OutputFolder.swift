import CFileExchange
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The output folder as one unit: files are written into a staging folder beside it,
/// which is then swapped in at once (`renameat2` with `RENAME_EXCHANGE`), so a reader
/// or a crash sees the previous complete set or the new one, never a mix.
public final class OutputFolder {
    /// Every file name an output set may hold; `summary.json` marks a complete set.
    public static let knownFiles: Set<String> = [
        "territories.csv", "tracks.csv", "partners.csv", "unmatched.csv", "catalog_issues.csv",
        "rejected.jsonl", "summary.json", "summary.md", "report.html", "report.xlsx", "playlist_allocation.csv",
    ]

    public let path: String
    let stagingPath: String
    private var committed = false

    /// Checks that `path` is ours to replace and creates a fresh staging folder beside it.
    public init(path: String, force: Bool) throws {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
        if FileBytes.exists(trimmed) {
            guard FileBytes.isDirectory(trimmed) else {
                throw ReconError.output(path: trimmed, reason: "exists and is not a folder")
            }
            if !force, !Self.holdsOnlyAnOutputSet(trimmed) {
                throw ReconError.output(
                    path: trimmed,
                    reason: "holds files that are not soundlink-recon reports; choose another --out or pass --force")
            }
        }
        let url = URL(fileURLWithPath: trimmed)
        let parent = url.deletingLastPathComponent().path
        let stagingPrefix = "." + url.lastPathComponent + ".staging-"
        stagingPath = parent + "/" + stagingPrefix + "\(getpid())"
        Self.removeAbandonedStaging(in: parent, prefix: stagingPrefix)
        guard mkdir(stagingPath, 0o755) == 0 else {
            throw ReconError.output(path: trimmed, reason: "cannot create a staging folder beside it: \(FileBytes.lastErrorText)")
        }
    }

    deinit { if !committed { abandon() } }

    /// Removes staging folders left by runs that were killed (their process no longer exists).
    private static func removeAbandonedStaging(in parent: String, prefix: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                try? FileManager.default.removeItem(atPath: parent + "/" + name)
            }
        }
    }

    /// Empty, or only known report names with a `summary.json`.
    static func holdsOnlyAnOutputSet(_ path: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return names.isEmpty || (names.contains("summary.json") && names.allSatisfy(knownFiles.contains))
    }

    /// Opens a file for streaming into the staging folder.
    func create(_ name: String) throws -> FileWriter {
        try FileWriter(path: stagingPath + "/" + name, displayPath: path + "/" + name)
    }

    /// Writes a whole file into the staging folder.
    func write(_ name: String, _ text: String) throws {
        let writer = try create(name)
        try writer.write(text)
        try writer.close()
    }

    /// Swaps the staging folder in; the previous set is then removed.
    func commit() throws {
        let parent = URL(fileURLWithPath: stagingPath).deletingLastPathComponent().path
        if !FileBytes.exists(path) {
            guard rename(stagingPath, path) == 0 else {
                throw ReconError.output(path: path, reason: "cannot move the new reports in: \(FileBytes.lastErrorText)")
            }
        } else if recon_exchange_paths(stagingPath, path) != 0 {
            throw ReconError.output(path: path, reason: "cannot swap the new reports in: \(FileBytes.lastErrorText)")
        }
        committed = true
        FileWriter.syncDirectory(parent)
        try? FileManager.default.removeItem(atPath: stagingPath)
    }

    /// Removes the staging folder; the previous set stays as it was.
    func abandon() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }
}
