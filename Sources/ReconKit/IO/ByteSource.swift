#if canImport(Glibc)
import Glibc
#endif

/// A stream of bytes read in chunks: a plain file or a gunzipped one.
protocol ByteSource: AnyObject {
    /// Fills up to `buffer.count` bytes; 0 means end of input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Bytes consumed from the file on disk so far (compressed bytes for gzip).
    var fileBytesRead: Int { get }
}

/// The size of the file at `path` in bytes (0 when it cannot be read).
func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
}

/// Opens `path` as a byte stream, gunzipping names that end in `.gz`.
func openByteSource(_ path: String) throws -> any ByteSource {
    try openByteSource(path, digest: nil).source
}

/// Opens `path` as a byte stream, gunzipping names that end in `.gz`.
///
/// `digest` is fed the file's bytes on disk: a gzip file's compressed bytes as they are read; a plain
/// file's bytes are the stream itself, which the caller hashes (`BlockReader(digest:)` does it while
/// the previous bytes are parsed). The second value says whether the caller must.
func openByteSource(_ path: String, digest: FileDigest?) throws -> (source: any ByteSource, callerHashes: Bool) {
    let file = try PlainFileSource(path: path)
    guard path.hasSuffix(".gz") else { return (file, true) }
    file.digest = digest
    return (try GzipSource(file: file, path: path), false)
}

/// The bytes of a regular file, read with `read(2)`; a change of its size while it is read throws.
final class PlainFileSource: ByteSource {
    private let file: FileBytes.OpenFile
    let path: String
    private(set) var fileBytesRead = 0
    /// Sees every byte read, when set.
    var digest: FileDigest?

    init(path: String) throws {
        self.path = path
        file = try FileBytes.open(path)
    }

    deinit { close(file.descriptor) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Glibc.read(file.descriptor, buffer.baseAddress, buffer.count)
            if count > 0 {
                fileBytesRead += count
                if fileBytesRead > file.size { throw FileBytes.changed(path, opened: file.size, read: fileBytesRead) }
                digest?.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                return count
            }
            if count == 0 {
                try FileBytes.checkUnchanged(file, path: path, bytesRead: fileBytesRead)
                return 0
            }
            if errno != EINTR { throw ReconError.unreadable(path: path, reason: FileBytes.lastErrorText) }
        }
    }
}
