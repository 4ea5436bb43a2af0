import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file written under a temporary name in its final folder, flushed and renamed into place, so
/// that a file under its final name is always complete. Its bytes are hashed as they are written.
final class TemporaryFile {
    /// Every temporary name starts with this; a later run removes what a killed run left.
    static let prefix = ".fetch-tmp-"

    let finalPath: String
    let path: String
    private var descriptor: Int32
    private(set) var bytes = 0
    private var hasher = SHA256()

    init(finalPath: String) throws {
        self.finalPath = finalPath
        let folder = (finalPath as NSString).deletingLastPathComponent
        let name = (finalPath as NSString).lastPathComponent
        path = folder + "/" + Self.prefix + String(UUID().uuidString.prefix(8)).lowercased() + "-" + name
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FetchError.file(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(path)
        }
    }

    func write(_ buffer: UnsafeRawBufferPointer) throws {
        hasher.update(bufferPointer: buffer)
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw FetchError.file(path: finalPath, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        bytes += buffer.count
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Where the file stands, to go back to when a page has to be fetched again.
    struct Mark {
        let bytes: Int
        let hasher: SHA256
    }

    var mark: Mark { Mark(bytes: bytes, hasher: hasher) }

    func rewind(to mark: Mark) throws {
        guard ftruncate(descriptor, off_t(mark.bytes)) == 0, lseek(descriptor, off_t(mark.bytes), SEEK_SET) >= 0 else {
            throw FetchError.file(path: finalPath, reason: String(cString: strerror(errno)))
        }
        bytes = mark.bytes
        hasher = mark.hasher
    }

    func rewindToStart() throws {
        try rewind(to: Mark(bytes: 0, hasher: SHA256()))
    }

    var sha256: String { hasher.finalize().map { String(format: "%02x", $0) }.joined() }

    /// Flushes the bytes to disk, then moves the file to its final name and flushes the folder.
    func commit() throws {
        guard fsync(descriptor) == 0 else { throw FetchError.file(path: finalPath, reason: String(cString: strerror(errno))) }
        close(descriptor)
        descriptor = -1
        guard rename(path, finalPath) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw FetchError.file(path: finalPath, reason: reason)
        }
        Self.syncFolder(of: finalPath)
    }

    static func syncFolder(of path: String) {
        let folder = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Writes `data` whole under `path` (the manifest).
    static func replace(_ path: String, with data: [UInt8]) throws {
        let file = try TemporaryFile(finalPath: path)
        try file.write(data)
        try file.commit()
    }

    /// Removes the temporary files a killed run left in `folder`; returns how many. Only names this
    /// type makes for a final name that `isOurs` accepts are removed: a user's file is kept.
    static func removeLeftovers(in folder: String, finalNames isOurs: (String) -> Bool) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        var removed = 0
        for name in names {
            guard let finalName = finalName(ofTemporary: name), isOurs(finalName) else { continue }
            if unlink(folder + "/" + name) == 0 { removed += 1 }
        }
        return removed
    }

    /// The final name in a temporary name (`.fetch-tmp-` + 8 lowercase hex digits + `-` + final name), else nil.
    static func finalName(ofTemporary name: String) -> String? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.utf8.dropFirst(prefix.utf8.count)
        let tag = rest.prefix(8)
        guard tag.count == 8, tag.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
              rest.dropFirst(8).first == UInt8(ascii: "-") else { return nil }
        let finalName = String(decoding: rest.dropFirst(9), as: UTF8.self)
        return finalName.isEmpty ? nil : finalName
    }
}
