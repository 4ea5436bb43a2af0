/// The memory `BlockReader` reads a file into: one allocation, freed in `deinit`.
///
/// Parsing threads and the hashing thread read a block of it while the reader waits, so it is
/// `Sendable`, unchecked: the reader writes into it only when no `ByteSlice` of it is being read
/// (it waits for the parsers and the hash before it refills, shifts or grows the buffer), and
/// a slice holds the buffer, so a late reader never sees freed memory.
final class BlockBuffer: @unchecked Sendable {
    let bytes: UnsafeMutableRawBufferPointer

    init(byteCount: Int) {
        bytes = .allocate(byteCount: byteCount, alignment: 8)
    }

    deinit { bytes.deallocate() }

    /// A read-only view of `range`, to hand to another thread.
    func slice(_ range: Range<Int>) -> ByteSlice { ByteSlice(buffer: self, range: range) }
}
