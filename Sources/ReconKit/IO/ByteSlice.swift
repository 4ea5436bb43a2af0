/// A range of a `BlockBuffer`, read on another thread (a parser, the hash) while the reader waits.
struct ByteSlice: Sendable {
    let buffer: BlockBuffer
    let range: Range<Int>

    var count: Int { range.count }

    /// Calls `body` with the bytes, valid only during the call.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(rebasing: buffer.bytes[range]))
    }

    /// The part at `offsets` within this slice.
    func slice(_ offsets: Range<Int>) -> ByteSlice {
        ByteSlice(buffer: buffer, range: (range.lowerBound + offsets.lowerBound)..<(range.lowerBound + offsets.upperBound))
    }
}
