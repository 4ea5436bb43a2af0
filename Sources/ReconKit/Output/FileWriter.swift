import CFileExchange
#if canImport(Glibc)
import Glibc
#endif

/// A buffered file writer that syncs on close and names the file in its errors.
final class FileWriter {
    private let descriptor: Int32
    private let displayPath: String
    private var buffer: [UInt8] = []
    private var isOpen = true
    /// Bytes written so far, and how many of them were already handed to write-back.
    private var written = 0
    private var writtenBack = 0
    private static let writeBackStep = 8 << 20

    init(path: String, displayPath: String) throws {
        self.displayPath = displayPath
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw ReconError.output(path: displayPath, reason: FileBytes.lastErrorText) }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit { if isOpen { Glibc.close(descriptor) } }

    func write(_ text: String) throws { try write(text.utf8) }

    /// Writes `bytes` after what was written before; a large contiguous piece (a batch of
    /// report lines) goes to the file as it is, without a copy into the buffer.
    func write(_ bytes: some Collection<UInt8>) throws {
        if bytes.count >= Self.bufferSize {
            try flush()
            if try bytes.withContiguousStorageIfAvailable({ try send(UnsafeRawBufferPointer($0)) }) != nil { return }
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private static let bufferSize = 1 << 16

    private func flush() throws {
        try buffer.withUnsafeBytes { try send($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw ReconError.output(path: displayPath, reason: FileBytes.lastErrorText)
            }
            offset += count
        }
        written += bytes.count
        if written - writtenBack >= Self.writeBackStep {
            // Large reports: let the disk work while the next lines are built, so close() waits less.
            _ = recon_start_writeback(descriptor, Int64(writtenBack), Int64(written - writtenBack))
            writtenBack = written
        }
    }

    /// Flushes, syncs to disk and closes.
    func close() throws {
        try flush()
        isOpen = false
        let synced = fsync(descriptor) == 0
        let closed = Glibc.close(descriptor) == 0
        if !synced || !closed { throw ReconError.output(path: displayPath, reason: FileBytes.lastErrorText) }
    }

    /// Makes a rename inside `path` durable.
    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        Glibc.close(descriptor)
    }
}
