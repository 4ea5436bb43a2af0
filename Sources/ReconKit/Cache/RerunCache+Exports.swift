import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The exports in the re-run cache. A run takes from the exports' snapshot the leading files of
/// each source that it reads in the same order, under the same paths, each with the identity
/// recorded (`lookup`), when the snapshot was written by this very build and is intact. Those
/// files' SHA-256 are then checked on other threads (`HashVerification`) before the run's
/// reports are committed.
extension RerunCache {
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
            guard try snapshot.text() == Self.version(of: Self.exportsSnapshotName) else { return nil }
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
        writeSnapshot(named: exportsSnapshotName, in: folder, readFrom: files.map(\.file.path), identities: identities) {
            snapshot, identities in
            snapshot.value(files.count)
            for ((kind, file), identity) in zip(files, identities) {
                snapshot.text(kind)
                snapshot.text(file.path)
                snapshot.value(identity)
            }
            snapshot.array(rejectedLines)
            reading.write(to: snapshot, poolStorage: poolStorage)
        }
    }
}
