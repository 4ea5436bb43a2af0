#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a lock file, held while one command writes an output folder.
///
/// Ownership rests on the lock, not on process ids: two runs in different PID namespaces
/// (containers) see each other's lock all the same. The holder removes the lock file when it
/// is done; a newcomer that locked a file already removed checks the inode and tries again.
final class FolderLock {
    let path: String
    private var descriptor: Int32

    /// Takes the lock or throws at once, naming the folder another command is writing.
    init(path: String, folder: String) throws {
        self.path = path
        descriptor = -1
        while true {
            let candidate = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
            guard candidate >= 0 else {
                throw ReconError.output(path: folder, reason: "cannot create the lock file \(path): \(FileBytes.lastErrorText)")
            }
            if flock(candidate, LOCK_EX | LOCK_NB) != 0 {
                let busy = errno == EWOULDBLOCK
                let reason = FileBytes.lastErrorText
                close(candidate)
                throw ReconError.output(
                    path: folder,
                    reason: busy
                        ? "another soundlink-recon command is writing this folder (it holds \(path)); wait for it to finish"
                        : "cannot lock \(path): \(reason)")
            }
            // The holder before us may have removed the file after we opened it: then our lock is on
            // a file nobody else will open, so take the one now at `path` instead.
            var held = stat()
            var current = stat()
            if fstat(candidate, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                descriptor = candidate
                return
            }
            close(candidate)
        }
    }

    /// Removes the lock file and lets the next command in. A lock file is always empty: one that
    /// holds something was written by someone else under that name, and is left in place.
    func release() {
        guard descriptor >= 0 else { return }
        var held = stat()
        var current = stat()
        if fstat(descriptor, &held) == 0, held.st_size == 0, lstat(path, &current) == 0,
           current.st_mode & S_IFMT == S_IFREG, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
            unlink(path)
        }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
