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

    /// Opens `path` for reading; a folder is an error.
    static func open(_ path: String) throws -> Int32 {
        if isDirectory(path) { throw ReconError.unreadable(path: path, reason: "is a folder, not a file") }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { throw ReconError.unreadable(path: path, reason: lastErrorText) }
        return descriptor
    }

    /// The whole content of the file at `path`; `digest`, when given, sees every byte as it is read.
    static func read(_ path: String, digest: FileDigest? = nil) throws -> [UInt8] {
        let descriptor = try open(path)
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReconError.unreadable(path: path, reason: lastErrorText)
            }
            if count == 0 { return result }
            chunk.withUnsafeBytes { digest?.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}
