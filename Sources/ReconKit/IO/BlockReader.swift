import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Reads a byte stream in large blocks that end at a line break (LF), skipping a
/// UTF-8 BOM at the start.
///
/// A line that grows past `maxLineLength` is never held: its first `headLength` bytes
/// are kept and the rest is read and dropped up to its LF. Memory is bounded by the
/// block size and the line limit, whatever the file holds.
final class BlockReader {
    /// What the reader hands over, in file order.
    enum Piece {
        /// Whole lines; the last block may lack a final LF. Its bytes stay unchanged until the
        /// call for the next piece returns, so a caller may still read them while it takes that one.
        case lines(ByteSlice)
        /// One line longer than the limit: its first bytes and its length (LF excluded).
        case longLine(head: UnsafeRawBufferPointer, length: Int)
    }

    private let source: any ByteSource
    private var storage: BlockBuffer
    /// The buffer of the previous block: the rest of a line moves there, so the block just handed
    /// over stays unchanged while the next one is read.
    private var spare: BlockBuffer?
    private var buffer: UnsafeMutableRawBufferPointer { storage.bytes }
    private let maxLineLength: Int
    private let headLength: Int
    /// Fed every byte read, on another thread while the block is being processed.
    private let digest: FileDigest?
    private let blockHash = BlockHash()
    private let hashing = DispatchGroup()

    init(
        source: any ByteSource, blockSize: Int = 8 << 20,
        maxLineLength: Int = InputLimits.maxLineLength, headLength: Int = InputLimits.rawLength,
        digest: FileDigest? = nil
    ) {
        self.source = source
        self.maxLineLength = maxLineLength
        self.headLength = headLength
        self.digest = digest
        storage = BlockBuffer(byteCount: max(blockSize, 16))
    }

    /// Hashes bytes just read while the caller parses them: SHA-256 is sequential, and on the
    /// critical path it would cost about a tenth of the run. The bytes stay in place until
    /// `waitForHash()`, which comes before the buffer is shifted, grown or refilled.
    private func hash(_ range: Range<Int>) {
        guard digest != nil, !range.isEmpty else { return }
        let bytes = storage.slice(range)
        let blockHash = self.blockHash
        DispatchQueue.global().async(group: hashing) { blockHash.add(bytes) }
    }

    private func waitForHash() { hashing.wait() }

    deinit { hashing.wait() }

    /// Calls `body` with consecutive pieces of the stream; a block's bytes are rewritten only after
    /// the call for the following piece has returned.
    func forEachBlock(_ body: (Piece) throws -> Void) throws {
        var filled = 0
        var searched = 0
        var atStart = true
        defer {
            waitForHash()
            digest?.take(blockHash.current())
        }
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
                if start < filled { try body(.lines(storage.slice(start..<filled))) }
                return
            }
            // Bytes kept from the last search hold no LF: only the new ones are searched, and a
            // forward memchr first tells whether there is any (a long line has none for megabytes).
            let searchFrom = max(start, searched)
            let base = buffer.baseAddress!
            if filled > searchFrom, memchr(base + searchFrom, 0x0A, filled - searchFrom) != nil,
               let lastBreak = UnsafeRawBufferPointer(rebasing: buffer[searchFrom..<filled]).lastIndex(of: 0x0A) {
                let end = searchFrom + lastBreak + 1
                try body(.lines(storage.slice(start..<end)))
                start = end
            }
            waitForHash()
            if start > 0 { shift(from: start, filled: &filled) }
            searched = filled
            // What is left is the start of a line with no LF yet; a CR may still precede its LF.
            if filled > maxLineLength + 1 {
                guard try skipLongLine(filled: &filled, body) else { return }
                searched = 0
            }
        }
    }

    /// Drops the rest of the line that fills the buffer, then hands it over as a long line.
    /// Returns false when the stream ended inside it.
    private func skipLongLine(filled: inout Int, _ body: (Piece) throws -> Void) throws -> Bool {
        let head = UnsafeMutableRawBufferPointer.allocate(byteCount: min(headLength, filled), alignment: 1)
        defer { head.deallocate() }
        head.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<head.count]))
        var length = filled
        var lastByte = buffer[filled - 1]
        while true {
            let count = try source.read(into: buffer)
            // Rare (a line beyond the limit): hashed here, in order, before the buffer is read into again.
            if digest != nil, count > 0 { blockHash.add(storage.slice(0..<count)) }
            guard count > 0 else {
                try body(.longLine(head: UnsafeRawBufferPointer(head), length: length))
                filled = 0
                return false
            }
            let base = buffer.baseAddress!
            if let found = memchr(base, 0x0A, count) {
                let breakAt = base.distance(to: UnsafeMutableRawPointer(found))
                if breakAt > 0 { lastByte = buffer[breakAt - 1] }
                length += breakAt - (lastByte == 0x0D ? 1 : 0)
                try body(.longLine(head: UnsafeRawBufferPointer(head), length: length))
                filled = count - breakAt - 1
                memmove(base, base + breakAt + 1, filled)
                return true
            }
            length += count
            lastByte = buffer[count - 1]
        }
    }

    /// Moves the unfinished line at `start..<filled` to the start of the other buffer, which becomes current.
    private func shift(from start: Int, filled: inout Int) {
        let next = spare.flatMap { $0.bytes.count == buffer.count ? $0 : nil } ?? BlockBuffer(byteCount: buffer.count)
        next.bytes.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: filled - start)
        spare = storage
        storage = next
        filled -= start
    }

    private func grow() {
        let larger = BlockBuffer(byteCount: buffer.count * 2)
        larger.bytes.copyMemory(from: UnsafeRawBufferPointer(buffer))
        storage = larger
    }
}
