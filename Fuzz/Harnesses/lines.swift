// Fuzzes the block reader against a plain split on LF: whatever the read sizes, block size and
// line limit, it must hand over the same lines, and mark exactly the lines over the limit as
// too long with their first bytes (the skip mode never holds such a line).
// Input: byte 0 picks the read size, byte 1 the block size and the line limit, the rest is the file.
final class SliceSource: ByteSource {
    let bytes: [UInt8]
    let step: Int
    private(set) var fileBytesRead = 0

    init(_ bytes: [UInt8], step: Int) {
        self.bytes = bytes
        self.step = step
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(step, buffer.count, bytes.count - fileBytesRead)
        for index in 0..<count { buffer[index] = bytes[fileBytesRead + index] }
        fileBytesRead += count
        return count
    }
}

/// A line as the reader's consumer sees it: its text, or for a line over the limit its head.
private struct SeenLine: Equatable {
    var tooLong: Bool
    var bytes: [UInt8]
}

private let headLength = 8

private func lines(of block: ArraySlice<UInt8>, maxLineLength: Int, into seen: inout [SeenLine]) {
    if block.isEmpty { return }   // an empty file has no line
    var pieces = block.split(separator: 0x0A, omittingEmptySubsequences: false)
    if block.last == 0x0A { pieces.removeLast() }
    for piece in pieces {
        // The length leaves out a CR at the end (as the line parser does); a head is the raw bytes.
        var line = Array(piece)
        if line.last == 0x0D { line.removeLast() }
        let tooLong = line.count > maxLineLength
        seen.append(SeenLine(tooLong: tooLong, bytes: tooLong ? Array(piece.prefix(headLength)) : line))
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let step = Int(data[0]) % 17 + 1
    let blockSize = Int(data[1] & 0x3F) + 16
    let maxLineLength = Int(data[1] >> 6) * 7 + 1
    let input = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))
    var expected: [SeenLine] = []
    let body = input.starts(with: [0xEF, 0xBB, 0xBF]) ? input[3...] : input[...]
    lines(of: body, maxLineLength: maxLineLength, into: &expected)

    var seen: [SeenLine] = []
    let reader = BlockReader(source: SliceSource(input, step: step), blockSize: blockSize,
                             maxLineLength: maxLineLength, headLength: headLength)
    do {
        try reader.forEachBlock { piece in
            switch piece {
            case let .lines(block): lines(of: block.withBytes { Array($0) }[...], maxLineLength: maxLineLength, into: &seen)
            case let .longLine(head, length):
                if length <= maxLineLength { fatalError("a line of \(length) bytes reported as too long") }
                seen.append(SeenLine(tooLong: true, bytes: Array(head.prefix(headLength))))
            }
        }
    } catch {
        fatalError("the reader threw \(error)")
    }
    // The reader keeps the head it had when it found the line too long: at least the limit + 2
    // bytes (in the job the head, 4,096 bytes, is far below the limit, so it is always whole).
    let kept = min(headLength, maxLineLength + 2)
    func trimmed(_ lines: [SeenLine]) -> [SeenLine] {
        lines.map { $0.tooLong ? SeenLine(tooLong: true, bytes: Array($0.bytes.prefix(kept))) : $0 }
    }
    if trimmed(seen) != trimmed(expected) { fatalError("reader and split disagree: \(seen) vs \(expected)") }
    return 0
}
