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
        buffer.reserveCapacity(1 << 16)
    }

    deinit { if isOpen { Glibc.close(descriptor) } }

    func write(_ text: String) throws { try write(text.utf8) }

    func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let count = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReconError.output(path: displayPath, reason: FileBytes.lastErrorText)
            }
            offset += count
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
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
