import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// Reads back what a `SnapshotWriter` wrote, in the same order, straight into the values'
/// own memory. Lengths are checked against what is left of the file, so a damaged file
/// fails (`SnapshotDamaged`) instead of asking for absurd memory; `finish` then checks the
/// CRC-32 of everything read. Values read from a file that fails that check must not be used.
final class SnapshotReader {
    private let descriptor: Int32
    private var remaining: Int
    private var crc: UInt = 0

    /// Opens the snapshot at `path`; nil when there is none, it is not a regular file, or its
    /// writer did not finish it.
    init?(path: String) {
        // O_NONBLOCK: opening a FIFO would otherwise wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        var mark: UInt64 = 0
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              withUnsafeMutableBytes(of: &mark, { read(descriptor, $0.baseAddress, $0.count) }) == 8,
              mark == SnapshotWriter.finishedMark else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        remaining = Int(info.st_size) - 2 * MemoryLayout<UInt64>.size
    }

    deinit { close(descriptor) }

    /// Reads one plain value.
    func value<Value>(_: Value.Type = Value.self) throws(SnapshotDamaged) -> Value {
        precondition(_isPOD(Value.self), "only plain values are read raw")
        let stride = MemoryLayout<Value>.stride
        let raw = UnsafeMutableRawPointer.allocate(byteCount: stride, alignment: MemoryLayout<Value>.alignment)
        defer { raw.deallocate() }
        try fill(UnsafeMutableRawBufferPointer(start: raw, count: MemoryLayout<Value>.size))
        return raw.load(as: Value.self)
    }

    /// Reads a count and that many elements.
    func array<Element>(_: Element.Type = Element.self) throws(SnapshotDamaged) -> [Element] {
        precondition(_isPOD(Element.self), "only plain values are read raw")
        let count: Int = try value()
        let stride = MemoryLayout<Element>.stride
        guard count >= 0, count <= remaining / max(1, stride) else { throw SnapshotDamaged() }
        var failure: SnapshotDamaged?
        let elements = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(SnapshotDamaged) { try fill(UnsafeMutableRawBufferPointer(buffer)) } catch { failure = error }
            // Plain values: whatever bytes were read (zeros on failure) make valid elements to free.
            initialized = count
        }
        if let failure { throw failure }
        return elements
    }

    /// Reads a count of records that follow (each at least one byte long).
    func count() throws(SnapshotDamaged) -> Int {
        let count: Int = try value()
        guard count >= 0, count <= Int(Int32.max) else { throw SnapshotDamaged() }
        return count
    }

    /// Reads texts written by `SnapshotWriter.texts`.
    func texts() throws(SnapshotDamaged) -> [String] {
        let lengths: [Int] = try array()
        let bytes: [UInt8] = try array()
        var texts: [String] = []
        texts.reserveCapacity(lengths.count)
        var start = 0
        for length in lengths {
            // Read before the checksum is checked: a damaged length must fail, not trap.
            guard length >= 0, length <= bytes.count - start else { throw SnapshotDamaged() }
            texts.append(String(decoding: bytes[start..<(start + length)], as: UTF8.self))
            start += length
        }
        guard start == bytes.count else { throw SnapshotDamaged() }
        return texts
    }

    /// Reads a text written by `SnapshotWriter.text`.
    func text() throws(SnapshotDamaged) -> String {
        String(decoding: try array(UInt8.self), as: UTF8.self)
    }

    /// Fills `raw` from the file (the caller read its length before).
    func fill(_ raw: UnsafeMutableRawBufferPointer) throws(SnapshotDamaged) {
        guard raw.count <= remaining else {
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            throw SnapshotDamaged()
        }
        var offset = 0
        while offset < raw.count {
            let got = read(descriptor, raw.baseAddress! + offset, raw.count - offset)
            if got > 0 { offset += got } else if got < 0, errno == EINTR { continue } else {
                UnsafeMutableRawBufferPointer(rebasing: raw[offset...]).initializeMemory(as: UInt8.self, repeating: 0)
                throw SnapshotDamaged()
            }
        }
        remaining -= raw.count
        if let base = raw.baseAddress { crc = crc32_z(crc, base.assumingMemoryBound(to: UInt8.self), raw.count) }
    }

    /// Checks that the whole file was read and that its CRC-32 matches.
    func finish() throws(SnapshotDamaged) {
        let expected = UInt64(crc)
        guard remaining == 0 else { throw SnapshotDamaged() }
        remaining = MemoryLayout<UInt64>.size
        var stored: UInt64 = 0
        try withUnsafeMutableBytes(of: &stored) { raw throws(SnapshotDamaged) in try fill(raw) }
        guard stored == expected else { throw SnapshotDamaged() }
    }
}

/// A snapshot file that is cut short, or whose bytes do not match their checksum.
struct SnapshotDamaged: Error {}
