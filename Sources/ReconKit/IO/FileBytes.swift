#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files and checks paths, turning `errno` into readable errors.
enum FileBytes {
    /// The text of the current `errno`.
    static var lastErrorText: String { String(cString: strerror(errno)) }

    /// True when `path` names a folder.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when anything exists at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// An open regular file and its size when opened.
    struct OpenFile {
        let descriptor: Int32
        let size: Int
    }

    /// Opens `path` for reading. Only a regular file (or a link to one) is read: a FIFO, a
    /// device such as `/dev/zero` or a socket is refused by name, without blocking on it.
    static func open(_ path: String) throws -> OpenFile {
        if isDirectory(path) { throw ReconError.unreadable(path: path, reason: "is a folder, not a file") }
        // O_NONBLOCK: opening a FIFO that has no writer would otherwise wait forever.
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor < 0 { throw ReconError.unreadable(path: path, reason: lastErrorText) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = lastErrorText
            close(descriptor)
            throw ReconError.unreadable(path: path, reason: reason)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw ReconError.unreadable(path: path, reason: "is \(kind(info.st_mode)), not a regular file")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return OpenFile(descriptor: descriptor, size: Int(info.st_size))
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    /// The error for a file whose size is not the one it had when opened: a file being written
    /// (or cut) while it is read is never reconciled in part.
    static func changed(_ path: String, opened: Int, read: Int) -> ReconError {
        .unreadable(path: path, reason: "the file changed while it was read (\(opened) bytes when opened, \(read) read)")
    }

    /// Checks at the end of a file that it still has the size it had when opened.
    static func checkUnchanged(_ file: OpenFile, path: String, bytesRead: Int) throws {
        var info = stat()
        let sizeNow = fstat(file.descriptor, &info) == 0 ? Int(info.st_size) : -1
        if bytesRead != file.size || sizeNow != file.size {
            throw changed(path, opened: file.size, read: bytesRead)
        }
    }

    /// The whole content of the regular file at `path`; `digest`, when given, sees every byte as it is read.
    /// The array is sized once from the file's size (a catalog is tens of megabytes: growing by
    /// doubling would copy it again and again).
    static func read(_ path: String, digest: FileDigest? = nil) throws -> [UInt8] {
        let file = try open(path)
        defer { close(file.descriptor) }
        var result: [UInt8] = []
        result.reserveCapacity(file.size)
        try forEachBlock(of: file, path: path) { block in
            digest?.update(block)
            result.append(contentsOf: block)
        }
        return result
    }

    /// Calls `body` with each block of the regular file at `path`, in order; throws when the
    /// file cannot be read or changes size while it is read.
    static func forEachBlock(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let file = try open(path)
        defer { close(file.descriptor) }
        try forEachBlock(of: file, path: path, body)
    }

    private static func forEachBlock(
        of file: OpenFile, path: String, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var bytesRead = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(file.descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReconError.unreadable(path: path, reason: lastErrorText)
            }
            if count == 0 { return try checkUnchanged(file, path: path, bytesRead: bytesRead) }
            bytesRead += count
            if bytesRead > file.size { throw changed(path, opened: file.size, read: bytesRead) }
            try chunk.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }
}
