import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The re-run cache of an output folder: `.NAME.cache/` beside `--out` (never inside the report
/// set), holding a snapshot of the last run's reading of the exports (`ExportReading`) with the
/// `stat` identity of every export file it was read from.
///
/// A run uses the snapshot only when it reads the same files, in the same order, under the same
/// paths, each with the identity recorded, and the snapshot was written by this very build and
/// is intact. The files' SHA-256 are then checked on other threads (`HashVerification`) before
/// the run's reports are committed. The folder is touched only under the output folder's lock,
/// and a folder of that name that holds anything else is neither read, written nor removed.
final class RerunCache {
    static let markerName = ".soundlink-recon-cache"
    static let snapshotName = "exports.snapshot"
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

    /// True when `folder` is absent, or a folder holding nothing but our marker and snapshot
    /// (and snapshots being written).
    static func isOurs(_ folder: String) -> Bool {
        var info = stat()
        guard lstat(folder, &info) == 0 else { return errno == ENOENT }
        guard info.st_mode & S_IFMT == S_IFDIR, let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return false }
        return names.allSatisfy { $0 == markerName || $0 == snapshotName || $0.hasPrefix(snapshotName + ".writing-") }
    }

    /// The reading of `files` recorded by the last run, when every file still has its recorded
    /// identity; their hashes are being checked by the returned verification.
    func lookup(_ files: [(kind: String, file: ExportFile)])
        -> (reading: ExportReading, rejectedLines: [UInt8], verification: HashVerification)? {
        let identities = files.map { FileIdentity(path: $0.file.path) }
        guard let snapshot = SnapshotReader(path: folder + "/" + Self.snapshotName) else { return nil }
        do throws(SnapshotDamaged) {
            guard try snapshot.text() == Self.version, try snapshot.value(Int.self) == files.count else { return nil }
            for (index, (kind, file)) in files.enumerated() {
                guard try snapshot.text() == kind, try snapshot.text() == file.path,
                      let identity = identities[index], try snapshot.value(FileIdentity.self) == identity else { return nil }
            }
            let rejectedLines: [UInt8] = try snapshot.array()
            let reading = try ExportReading.read(from: snapshot)
            try snapshot.finish()
            guard reading.fingerprints.count == files.count else { return nil }
            let verification = HashVerification(files.indices.map { index in
                (files[index].file.path, identities[index]!, reading.fingerprints[index].sha256)
            })
            return (reading, rejectedLines, verification)
        } catch {
            return nil
        }
    }

    /// Records `reading` of `files`, which had `identities` before they were read, when every
    /// file still has them, on another thread (the caller waits for the job before it releases
    /// the output folder's lock). Writes a new snapshot beside the old one and renames it over;
    /// a failure leaves no snapshot (never a half-written one) and does not fail the run.
    func store(_ reading: ExportReading, rejectedLines: [UInt8], of files: [(kind: String, file: ExportFile)],
               identities: [FileIdentity?]) -> BackgroundJob<Void> {
        let poolStorage = reading.pool.storage(idsBelow: reading.poolCount)
        return BackgroundJob { [folder] in
            Self.store(reading, poolStorage: poolStorage, rejectedLines: rejectedLines, of: files, identities: identities,
                       in: folder)
        }
    }

    private static func store(
        _ reading: ExportReading, poolStorage: (arena: [UInt8], starts: [Int]), rejectedLines: [UInt8],
        of files: [(kind: String, file: ExportFile)], identities: [FileIdentity?], in folder: String
    ) {
        let snapshotPath = folder + "/" + snapshotName
        guard identities.allSatisfy({ $0 != nil }),
              files.map({ FileIdentity(path: $0.file.path) }) == identities else {
            unlink(snapshotPath)
            return
        }
        guard FileBytes.isDirectory(folder) || mkdir(folder, 0o755) == 0, writeMarker(in: folder) else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(snapshotName + ".writing-") {
            unlink(folder + "/" + name)  // left by a run that stopped while writing
        }
        let writingPath = snapshotPath + ".writing-\(getpid())"
        guard let snapshot = SnapshotWriter(path: writingPath) else { return }
        snapshot.text(version)
        snapshot.value(files.count)
        for ((kind, file), identity) in zip(files, identities) {
            snapshot.text(kind)
            snapshot.text(file.path)
            snapshot.value(identity!)
        }
        snapshot.array(rejectedLines)
        reading.write(to: snapshot, poolStorage: poolStorage)
        do {
            try snapshot.finish()
            guard rename(writingPath, snapshotPath) == 0 else { throw SnapshotWriteFailed(path: snapshotPath, reason: "") }
        } catch {
            unlink(writingPath)
            unlink(snapshotPath)
        }
    }

    private static func writeMarker(in folder: String) -> Bool {
        let path = folder + "/" + markerName
        if FileBytes.exists(path) { return true }
        return (try? markerText.write(toFile: path, atomically: false, encoding: .utf8)) != nil
    }

    /// What a snapshot depends on besides the export files: its format, the tool's version and
    /// the very build that wrote it (size, modification time and inode of the executable), so
    /// that rows are read back raw only by the code that wrote them.
    private static let version: String = {
        var info = stat()
        let build = stat("/proc/self/exe", &info) == 0
            ? "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)" : "unknown-\(getpid())"
        return "soundlink-recon exports snapshot \(formatVersion); tool \(RunSummary.toolVersion); build \(build)"
    }()
}
