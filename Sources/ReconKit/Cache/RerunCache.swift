import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The re-run cache of an output folder: `.NAME.cache/` beside `--out` (never inside the report
/// set), holding a snapshot of the last run's reading of the exports with the `stat` identity
/// of every export file it was read from (`RerunCache+Exports`), and one of the catalogs it
/// loaded (`RerunCache+Catalogs`). The folder is touched only under the output folder's lock,
/// and a folder of that name that holds anything else is neither read, written nor removed.
final class RerunCache: Sendable {
    static let markerName = ".soundlink-recon-cache"
    static let exportsSnapshotName = "exports.snapshot"
    static let catalogSnapshotName = "catalogs.snapshot"
    private static let markerText = "soundlink-recon re-run cache: safe to delete, the next run rebuilds it\n"
    /// Bumped whenever what a snapshot holds changes.
    private static let formatVersion = 1

    let folder: String

    /// The cache folder beside the output folder at `outputPath`.
    static func folder(forOutput outputPath: String) -> String {
        let url = URL(fileURLWithPath: outputPath)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".cache"
    }

    /// The cache beside `output` (whose lock the caller holds); nil, with the reason given to
    /// `note`, when a folder of the cache's name holds something that is not ours.
    convenience init?(output: OutputFolder, note: (String) -> Void) {
        let folder = Self.folder(forOutput: output.path)
        guard Self.isOurs(folder) else {
            note("\(folder) holds files that are not a soundlink-recon cache: this run neither reads nor replaces it")
            return nil
        }
        self.init(folder: folder)
    }

    /// The cache in `folder`; nil when that holds something that is not ours.
    init?(folder: String) {
        guard Self.isOurs(folder) else { return nil }
        self.folder = folder
    }

    /// Removes the cache beside the output folder at `outputPath` (`--no-cache`), when it is ours.
    static func remove(besideOutput outputPath: String) {
        let folder = folder(forOutput: outputPath)
        guard FileBytes.exists(folder), isOurs(folder) else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] { unlink(folder + "/" + name) }
        rmdir(folder)
    }

    /// True when `folder` is absent or empty, or a folder holding our marker (a regular file with
    /// exactly our text) and nothing but our snapshots (and an exports snapshot that an earlier
    /// build left half written under a temporary name) besides.
    static func isOurs(_ folder: String) -> Bool {
        var info = stat()
        guard lstat(folder, &info) == 0 else { return errno == ENOENT }
        guard info.st_mode & S_IFMT == S_IFDIR, let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return false }
        return names.isEmpty || names.contains(markerName) && hasOurMarker(folder)
            && names.allSatisfy { name in
                [markerName, exportsSnapshotName, catalogSnapshotName].contains(name)
                    || name.hasPrefix(exportsSnapshotName + ".writing-")
            }
    }

    /// True when `folder`'s marker is a regular file holding exactly the text this tool writes.
    private static func hasOurMarker(_ folder: String) -> Bool {
        let path = folder + "/" + markerName
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == markerText.utf8.count,
              let bytes = FileManager.default.contents(atPath: path) else { return false }
        return Array(bytes) == Array(markerText.utf8)
    }

    /// Writes the snapshot `name` in `folder` (made ours first if need be): its version
    /// (`version(of:)`), then what `body` writes, over the earlier one (`SnapshotWriter`). Only
    /// when every file of `paths` still has the identity of `identities` it had before it was
    /// read; otherwise, as when the write fails, the snapshot of that name is removed (it would
    /// describe files that changed meanwhile). A write that cannot start leaves the previous
    /// snapshot, or none.
    static func writeSnapshot(
        named name: String, in folder: String, readFrom paths: [String], identities: [FileIdentity?],
        _ body: (SnapshotWriter, [FileIdentity]) -> Void
    ) {
        let snapshotPath = folder + "/" + name
        let unchanged = identities.compactMap { $0 }
        guard unchanged.count == identities.count, paths.map({ FileIdentity(path: $0) }) == identities else {
            unlink(snapshotPath)
            return
        }
        // Both snapshots may be written at once: the folder made by the other is as good.
        _ = mkdir(folder, 0o755)
        guard FileBytes.isDirectory(folder), writeMarker(in: folder) else { return }
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where leftover.hasPrefix(name + ".writing-") {
            unlink(folder + "/" + leftover)  // left by an earlier build, which wrote aside and renamed
        }
        guard let snapshot = SnapshotWriter(path: snapshotPath) else { return }
        snapshot.text(version(of: name))
        body(snapshot, unchanged)
        do throws(SnapshotWriteFailed) { try snapshot.finish() } catch { unlink(snapshotPath) }
    }

    private static func writeMarker(in folder: String) -> Bool {
        let path = folder + "/" + markerName
        if FileBytes.exists(path) { return true }
        return (try? markerText.write(toFile: path, atomically: false, encoding: .utf8)) != nil
    }

    /// What the snapshot `name` depends on besides its input files, written first in it: its
    /// format, the tool's version and the very build that wrote it (size, modification time and
    /// inode of the executable), so that values are read back raw only by the code that wrote them.
    static func version(of name: String) -> String {
        "soundlink-recon \(name) \(formatVersion); tool \(RunSummary.toolVersion); build \(build)"
    }

    private static let build: String = {
        var info = stat()
        return stat("/proc/self/exe", &info) == 0
            ? "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)" : "unknown-\(getpid())"
    }()
}
