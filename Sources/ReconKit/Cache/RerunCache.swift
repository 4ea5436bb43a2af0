import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The re-run cache of an output folder: `.NAME.cache/` beside `--out` (never inside the report
/// set), holding a snapshot of the last run's reading of the exports (`ExportReading`) with the
/// `stat` identity of every export file it was read from, and one of the catalogs it loaded
/// (`RerunCache+Catalogs`).
///
/// A run takes from the exports' snapshot the leading files of each source that it reads in the
/// same order, under the same paths, each with the identity recorded (`lookup`), when the
/// snapshot was written by this very build and is intact. Those files' SHA-256 are then checked
/// on other threads (`HashVerification`) before the run's reports are committed. The folder is touched
/// only under the output folder's lock, and a folder of that name that holds anything else is
/// neither read, written nor removed.
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

    /// The last run's reading, when it holds some leading files of a source of this run's `files`
    /// (breakdown files first, `breakdownFiles` of them) as they are now: same kind, path and
    /// identity, and no later file of the last run replaced one of their rows. Engagement files
    /// are taken only when the number of breakdown files is the same (rows carry file indices).
    /// The files taken are being hashed by the returned verification, on `threads` threads.
    func lookup(_ files: [(kind: String, file: ExportFile)], breakdownFiles: Int, threads: Int)
        -> (reuse: ReusableReading, verification: HashVerification)? {
        let identities = files.map { FileIdentity(path: $0.file.path) }
        guard let snapshot = SnapshotReader(path: folder + "/" + Self.exportsSnapshotName) else { return nil }
        do throws(SnapshotDamaged) {
            guard try snapshot.text() == Self.version(of: "exports") else { return nil }
            let count = try snapshot.count()
            var same: [Bool] = []
            var previousBreakdown = 0
            for index in 0..<count {
                let (kind, path, identity) = (try snapshot.text(), try snapshot.text(), try snapshot.value(FileIdentity.self))
                if kind == "breakdown" { previousBreakdown += 1 }
                // The file of this run at the same place in its source's list.
                let here = kind == "breakdown" ? index : breakdownFiles + index - previousBreakdown
                let inSource = kind == "breakdown" ? here < breakdownFiles : (here >= breakdownFiles && here < files.count)
                same.append(inSource && files[here].kind == kind && files[here].file.path == path
                            && identities[here] != nil && identities[here] == identity)
            }
            var breakdown = same[..<previousBreakdown].prefix { $0 }.count
            var engagement = previousBreakdown == breakdownFiles ? same[previousBreakdown...].prefix { $0 }.count : 0
            guard breakdown + engagement > 0 else { return nil }
            let rejectedLines: [UInt8] = try snapshot.array()
            let reading = try ExportReading.read(from: snapshot)
            try snapshot.finish()
            guard reading.checkpoints.count == count, reading.breakdownCounts.files == previousBreakdown else { return nil }
            // Leading files whose rows no later file of the last run replaced.
            func untouched(_ taken: Int, first: Int, end: Int) -> Bool {
                (first + taken..<end).allSatisfy { reading.checkpoints[$0].earliestReplacedFile >= first + taken }
            }
            while breakdown > 0, !untouched(breakdown, first: 0, end: previousBreakdown) { breakdown -= 1 }
            while engagement > 0, !untouched(engagement, first: previousBreakdown, end: count) { engagement -= 1 }
            guard breakdown + engagement > 0 else { return nil }
            let taken = Array(0..<breakdown) + (breakdownFiles..<(breakdownFiles + engagement))
            let verification = HashVerification(taken.map { index in
                let previous = index < breakdownFiles ? index : previousBreakdown + index - breakdownFiles
                return (files[index].file.path, identities[index]!, reading.fingerprints[previous].sha256)
            }, threads: threads)
            let reuse = ReusableReading(reading: reading, rejectedLines: rejectedLines,
                                        breakdownFiles: breakdown, engagementFiles: engagement)
            return (reuse, verification)
        } catch {
            return nil
        }
    }

    /// Records `reading` of `files`, which had `identities` before they were read, when every
    /// file still has them, on another thread (the caller waits for the job before it releases
    /// the output folder's lock), over the old snapshot (`writeSnapshot`); a failure does not fail
    /// the run.
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
        let snapshotPath = folder + "/" + exportsSnapshotName
        guard identities.allSatisfy({ $0 != nil }),
              files.map({ FileIdentity(path: $0.file.path) }) == identities else {
            unlink(snapshotPath)
            return
        }
        writeSnapshot(named: exportsSnapshotName, in: folder) { snapshot in
            snapshot.text(version(of: "exports"))
            snapshot.value(files.count)
            for ((kind, file), identity) in zip(files, identities) {
                snapshot.text(kind)
                snapshot.text(file.path)
                snapshot.value(identity!)
            }
            snapshot.array(rejectedLines)
            reading.write(to: snapshot, poolStorage: poolStorage)
        }
    }

    /// Writes the snapshot `name` in `folder` (made ours first if need be) through `body`, over
    /// the earlier one (`SnapshotWriter`). A write that fails removes the snapshot; one that cannot
    /// start leaves the previous snapshot, or none.
    static func writeSnapshot(named name: String, in folder: String, _ body: (SnapshotWriter) -> Void) {
        // Both snapshots may be written at once: the folder made by the other is as good.
        _ = mkdir(folder, 0o755)
        guard FileBytes.isDirectory(folder), writeMarker(in: folder) else { return }
        let snapshotPath = folder + "/" + name
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where leftover.hasPrefix(name + ".writing-") {
            unlink(folder + "/" + leftover)  // left by an earlier build, which wrote aside and renamed
        }
        guard let snapshot = SnapshotWriter(path: snapshotPath) else { return }
        body(snapshot)
        do throws(SnapshotWriteFailed) { try snapshot.finish() } catch { unlink(snapshotPath) }
    }

    private static func writeMarker(in folder: String) -> Bool {
        let path = folder + "/" + markerName
        if FileBytes.exists(path) { return true }
        return (try? markerText.write(toFile: path, atomically: false, encoding: .utf8)) != nil
    }

    /// What a snapshot of `what` depends on besides its input files: its format, the tool's
    /// version and the very build that wrote it (size, modification time and inode of the
    /// executable), so that values are read back raw only by the code that wrote them.
    static func version(of what: String) -> String {
        "soundlink-recon \(what) snapshot \(formatVersion); tool \(RunSummary.toolVersion); build \(build)"
    }

    private static let build: String = {
        var info = stat()
        return stat("/proc/self/exe", &info) == 0
            ? "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)" : "unknown-\(getpid())"
    }()
}
