#if canImport(Glibc)
import Glibc
#endif

/// Splits a byte stream into lines at LF, dropping a CR before the LF and a
/// UTF-8 BOM at the start. Memory is bounded by the longest line, not the file.
final class LineReader {
    private let source: ByteSource
    private var buffer: UnsafeMutableRawBufferPointer

    init(source: ByteSource, initialCapacity: Int = 1 << 20) {
        self.source = source
        buffer = .allocate(byteCount: initialCapacity, alignment: 1)
    }

    deinit { buffer.deallocate() }

    /// Calls `body` with each line (without terminator) and its 1-based number.
    func forEachLine(_ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        var filled = 0
        var lineNumber = 0
        var atStart = true
        while true {
            if filled == buffer.count { grow() }
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            let atEnd = count == 0
            filled += count
            var start = 0
            if atStart {
                if filled < 3, !atEnd { continue }
                atStart = false
                if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            }
            let base = buffer.baseAddress!
            while start < filled, let found = memchr(base + start, 0x0A, filled - start) {
                let end = base.distance(to: found)
                lineNumber += 1
                try body(Self.line(buffer, start, end), lineNumber)
                start = end + 1
            }
            if atEnd {
                if start < filled {
                    lineNumber += 1
                    try body(Self.line(buffer, start, filled), lineNumber)
                }
                return
            }
            if start > 0 {
                memmove(base, base + start, filled - start)
                filled -= start
            }
        }
    }

    private static func line(_ buffer: UnsafeMutableRawBufferPointer, _ start: Int, _ end: Int) -> UnsafeRawBufferPointer {
        let trimmedEnd = end > start && buffer[end - 1] == 0x0D ? end - 1 : end
        return UnsafeRawBufferPointer(rebasing: buffer[start..<trimmedEnd])
    }

    private func grow() {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 1)
        larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = larger
    }
}
