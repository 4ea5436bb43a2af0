import Dispatch

/// An export file whose rows came from the re-run cache no longer has the SHA-256 (or the
/// `stat` identity) that the cache recorded: the run must read it again.
struct CachedExportChanged: Error {
    let path: String
}

/// Hashes export files served from the re-run cache on another thread, while the run goes on
/// with their cached rows; the run's reports are committed only after `wait` found every
/// file as recorded.
final class HashVerification: Sendable {
    /// Per file, in `init`'s order, the path when it changed.
    private let changed: JobSlots<String>
    private let group = DispatchGroup()

    /// Starts hashing `files`, each of which must keep `identity` and hash to `sha256` (lower-case hex).
    init(_ files: [(path: String, identity: FileIdentity, sha256: String)]) {
        let queue = DispatchQueue(label: "soundlink-recon.cache-hash")
        // Largest first, so that the last file to finish is a small one.
        let largestFirst = files.sorted { $0.identity.size > $1.identity.size }
        changed = JobSlots(count: largestFirst.count)
        for (index, file) in largestFirst.enumerated() {
            queue.async(group: group) { [self] in
                guard !Self.matches(file.path, identity: file.identity, sha256: file.sha256) else { return }
                changed.set(index, file.path)
            }
        }
    }

    /// Waits for every file; throws for the first one (in path order) that changed.
    func wait() throws(CachedExportChanged) {
        group.wait()
        if let path = changed.take().compactMap({ $0 }).min() { throw CachedExportChanged(path: path) }
    }

    private static func matches(_ path: String, identity: FileIdentity, sha256: String) -> Bool {
        guard FileIdentity(path: path) == identity else { return false }
        let digest = FileDigest()
        guard (try? FileBytes.forEachBlock(path, digest.update)) != nil,
              FileIdentity(path: path) == identity else { return false }
        return digest.fingerprint(kind: "", path: path).sha256 == sha256
    }
}
