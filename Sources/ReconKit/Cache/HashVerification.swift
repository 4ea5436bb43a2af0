import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// An export file whose rows came from the re-run cache no longer has the SHA-256 (or the
/// `stat` identity) that the cache recorded: the run must read it again.
struct CachedExportChanged: Error {
    let path: String
}

/// Hashes export files served from the re-run cache on other threads, while the run goes on
/// with their cached rows; the run's reports are committed only after `wait` found every
/// file as recorded.
final class HashVerification: Sendable {
    /// Largest first, so that the last file to finish is a small one.
    private let files: [(path: String, identity: FileIdentity, sha256: String)]
    /// Per file of `files`, the path when it changed.
    private let changed: JobSlots<String>
    /// The next file of `files` that no thread has taken.
    private let next = Atomic(0)
    private let group = DispatchGroup()

    /// Starts hashing `files`, each of which must keep `identity` and hash to `sha256` (lower-case
    /// hex), on up to `threads` threads of its own, largest file first.
    ///
    /// The threads run at a lower priority (nice 10), so the catalogs, the matching and the
    /// reports go first and the hashing fills the cores they leave idle: on one thread at the
    /// usual priority, a re-run on the 3.2 GB month ended with 0.7 s of hashing alone.
    init(_ files: [(path: String, identity: FileIdentity, sha256: String)], threads: Int) {
        self.files = files.sorted { $0.identity.size > $1.identity.size }
        changed = JobSlots(count: self.files.count)
        for _ in 0..<max(1, min(threads, self.files.count)) {
            group.enter()
            let thread = Thread { [self] in
                Self.yieldToTheRun()
                hashUntaken()
                group.leave()
            }
            thread.start()
        }
    }

    /// Waits for every file; throws for the first one (in path order) that changed. Files that
    /// no thread has started yet are hashed by the caller, at its own priority.
    func wait() throws(CachedExportChanged) {
        hashUntaken()
        group.wait()
        if let path = changed.take().compactMap({ $0 }).min() { throw CachedExportChanged(path: path) }
    }

    /// Takes files no thread has taken, one at a time, until there are none.
    private func hashUntaken() {
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < files.count else { return }
            let file = files[index]
            if !file.identity.holds(file.path, sha256: file.sha256) { changed.set(index, file.path) }
        }
    }

    /// Lowers the calling thread's priority: on Linux the nice value is a thread's own.
    private static func yieldToTheRun() {
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
    }
}
