import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// Writes a snapshot file: plain values and arrays of them as their raw bytes (little-endian
/// on every machine this builds for), a CRC-32 of everything before it at the end.
///
/// Only plain values (no references, no pointers) may be written: `SnapshotReader` gives them
/// back byte for byte to the same build. A write that fails makes `finish` throw; the caller
/// then removes the file.
///
/// An earlier snapshot at `path` is written over in place, then cut to the new length: its
/// pages are in memory already (the run read it). Measured on the benchmark month, a re-run
/// after a re-fetch spent 0.6 s of CPU filling the pages of a new 340 MB snapshot, 0.1 s
/// rewriting those of the old one. The file starts with a word that says "unfinished" until
/// `finish` has written everything else, so a snapshot half written over another (the run
/// stopped meanwhile) is refused as a whole. Anything at `path` other than a regular file of
/// one link (a symbolic link, a file also linked elsewhere, a FIFO) is replaced by a new file,
/// never written through.
final class SnapshotWriter {
    /// The first word of a finished snapshot (outside the CRC); an unfinished one starts with 0.
    static let finishedMark: UInt64 = 0x534C_5243_5348_4F54
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var crc: UInt = 0
    private var written = 0
    private var failed = false

    init?(path: String) {
        // O_NONBLOCK: opening a FIFO for writing would otherwise wait for a reader.
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        var descriptor = open(path, flags, 0o644)
        var info = stat()
        if descriptor < 0 || fstat(descriptor, &info) != 0 || info.st_mode & S_IFMT != S_IFREG || info.st_nlink != 1 {
            if descriptor >= 0 { close(descriptor) }
            unlink(path)
            descriptor = open(path, flags | O_EXCL, 0o644)
        }
        self.descriptor = descriptor
        self.path = path
        guard descriptor >= 0 else { return nil }
        buffer.reserveCapacity(Self.bufferSize)
        withUnsafeBytes(of: UInt64(0)) { send($0) }
    }

    deinit { close(descriptor) }

    private static let bufferSize = 1 << 20

    /// Writes one plain value.
    func value<Value>(_ value: Value) {
        precondition(_isPOD(Value.self), "only plain values are written raw")
        withUnsafeBytes(of: value) { bytes($0) }
    }

    /// Writes a count, then the elements' raw bytes.
    func array<Element>(_ elements: [Element]) {
        precondition(_isPOD(Element.self), "only plain values are written raw")
        value(elements.count)
        elements.withUnsafeBytes { bytes($0) }
    }

    /// Writes `count`, then the raw bytes of `element(0)`, `element(1)`, … `element(count - 1)`:
    /// what `array` writes for an array of them, through a small buffer instead of a whole array.
    func array<Element>(count: Int, _ element: (Int) -> Element) {
        precondition(_isPOD(Element.self), "only plain values are written raw")
        value(count)
        let step = max(1, Self.bufferSize / MemoryLayout<Element>.stride)
        var chunk: [Element] = []
        chunk.reserveCapacity(min(count, step))
        for start in stride(from: 0, to: count, by: step) {
            for index in start..<min(count, start + step) { chunk.append(element(index)) }
            chunk.withUnsafeBytes { bytes($0) }
            chunk.removeAll(keepingCapacity: true)
        }
    }

    /// Writes `count` texts, `text(0)` … `text(count - 1)`: their UTF-8 lengths, then all their
    /// bytes (`SnapshotReader.texts` reads them back).
    func texts(count: Int, _ text: (Int) -> String) {
        var total = 0
        array(count: count) { index in
            let length = text(index).utf8.count
            total += length
            return length
        }
        value(total)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(Self.bufferSize)
        for index in 0..<count {
            chunk.append(contentsOf: text(index).utf8)
            if chunk.count >= Self.bufferSize {
                chunk.withUnsafeBytes { bytes($0) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk.withUnsafeBytes { bytes($0) }
    }

    /// Writes a text as its UTF-8 length and bytes.
    func text(_ text: String) { array(Array(text.utf8)) }

    /// Writes `raw` as it is (the caller wrote its length before).
    func bytes(_ raw: UnsafeRawBufferPointer) {
        guard !raw.isEmpty else { return }
        crc = crc32_z(crc, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), raw.count)
        if buffer.count + raw.count > Self.bufferSize { flush() }
        if raw.count >= Self.bufferSize { return send(raw) }
        buffer.append(contentsOf: raw)
    }

    /// Writes the CRC-32, flushes, marks the snapshot finished and cuts off what an earlier,
    /// longer snapshot left beyond it; throws when any of that failed.
    func finish() throws(SnapshotWriteFailed) {
        let sum = UInt64(crc)
        withUnsafeBytes(of: sum) { bytes($0) }
        flush()
        if !failed, withUnsafeBytes(of: Self.finishedMark, { pwrite(descriptor, $0.baseAddress, $0.count, 0) }) != 8 {
            failed = true
        }
        if !failed, ftruncate(descriptor, off_t(written)) != 0 { failed = true }
        guard !failed else { throw SnapshotWriteFailed(path: path, reason: FileBytes.lastErrorText) }
    }

    private func flush() {
        buffer.withUnsafeBytes { send($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ raw: UnsafeRawBufferPointer) {
        var offset = 0
        while !failed, offset < raw.count {
            let count = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            if count > 0 { offset += count } else if count < 0, errno == EINTR { continue } else { failed = true }
        }
        written += offset
    }
}

/// A snapshot could not be written whole.
struct SnapshotWriteFailed: Error {
    let path: String
    let reason: String
}
