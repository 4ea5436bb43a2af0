import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Reads a byte stream in large blocks that end at a line break (LF), skipping a
/// UTF-8 BOM at the start. Memory is bounded by the block size and the longest line.
final class BlockReader {
    private let source: ByteSource
    private var buffer: UnsafeMutableRawBufferPointer
    /// Fed every byte read, on another thread while the block is being processed.
    private let digest: FileDigest?
    private let hashing = DispatchGroup()

    init(source: ByteSource, blockSize: Int = 8 << 20, digest: FileDigest? = nil) {
        self.source = source
        self.digest = digest
        buffer = .allocate(byteCount: blockSize, alignment: 8)
    }

    deinit {
        hashing.wait()
        buffer.deallocate()
    }

    /// Hashes bytes just read while the caller parses them: SHA-256 is sequential, and on the
    /// critical path it would cost about a tenth of the run. The bytes stay in place until
    /// `waitForHash()`, which comes before the buffer is shifted, grown or refilled.
    private func hash(_ range: Range<Int>) {
        guard let digest, !range.isEmpty else { return }
        nonisolated(unsafe) let bytes = UnsafeRawBufferPointer(rebasing: buffer[range])
        nonisolated(unsafe) let target = digest
        DispatchQueue.global().async(group: hashing) { target.update(bytes) }
    }

    private func waitForHash() { hashing.wait() }

    /// Calls `body` with consecutive blocks of whole lines; the last block may lack a final LF.
    func forEachBlock(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var filled = 0
        var atStart = true
        defer { waitForHash() }
        while true {
            waitForHash()
            if filled == buffer.count { grow() }
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            hash(filled..<(filled + count))
            let atEnd = count == 0
            filled += count
            var start = 0
            if atStart {
                if filled < 3, !atEnd { continue }
                atStart = false
                if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            }
            if atEnd {
                if start < filled { try body(UnsafeRawBufferPointer(rebasing: buffer[start..<filled])) }
                return
            }
            guard let lastBreak = UnsafeRawBufferPointer(rebasing: buffer[start..<filled]).lastIndex(of: 0x0A) else {
                // No complete line yet: keep reading (the buffer grows for a very long line).
                waitForHash()
                if start > 0 { shift(from: start, filled: &filled) }
                continue
            }
            let end = start + lastBreak + 1
            try body(UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
            waitForHash()
            shift(from: end, filled: &filled)
        }
    }

    private func shift(from start: Int, filled: inout Int) {
        let base = buffer.baseAddress!
        memmove(base, base + start, filled - start)
        filled -= start
    }

    private func grow() {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 8)
        larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = larger
    }
}
