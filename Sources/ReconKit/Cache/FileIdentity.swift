#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says about an input file: any write, truncation, `touch`, rename over it or
/// replacement changes at least one of these (the change time cannot be set by a user).
struct FileIdentity: Equatable, Sendable {
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64
    var changedSeconds: Int64
    var changedNanoseconds: Int64
    var inode: UInt64
    var device: UInt64

    /// The identity of the regular file at `path` (links followed), or nil.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        size = Int64(info.st_size)
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        changedSeconds = Int64(info.st_ctim.tv_sec)
        changedNanoseconds = Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }
}

extension FileIdentity {
    /// True when the file at `path` has this identity before and after hashing to `sha256`
    /// (lower-case hex): the file a cache recorded, unchanged.
    func holds(_ path: String, sha256: String) -> Bool {
        guard FileIdentity(path: path) == self else { return false }
        let digest = FileDigest()
        guard (try? FileBytes.forEachBlock(path, digest.update)) != nil, FileIdentity(path: path) == self else { return false }
        return digest.fingerprint(kind: "", path: path).sha256 == sha256
    }
}
