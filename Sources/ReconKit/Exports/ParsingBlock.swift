import Dispatch

/// One block of an export file being parsed on worker threads, a chunk each.
///
/// The caller does other work (merging the previous block) and then calls `wait()`, which hands
/// the parsed chunks over in chunk order. The block's bytes must stay unchanged until then.
final class ParsingBlock<Row: ExportRow>: Sendable {
    private let group = DispatchGroup()
    private let results: JobSlots<ParsedChunk<Row>>

    /// Cuts `block` into up to `parts` chunks at line breaks and starts parsing each.
    init(_ block: ByteSlice, parts: Int, fileIndex: Int, maxLineLength: Int) {
        let chunks: [ByteSlice] = block.withBytes { bytes in
            var chunks: [ByteSlice] = []
            for chunk in ExportReader<Row>.split(bytes, into: parts) {
                let start: Int = chunk.baseAddress.map { bytes.baseAddress!.distance(to: $0) } ?? 0
                chunks.append(block.slice(start..<(start + chunk.count)))
            }
            return chunks
        }
        results = JobSlots(count: chunks.count)
        for (index, chunk) in chunks.enumerated() {
            DispatchQueue.global().async(group: group) { [self] in
                let parsed = ChunkParser<Row>.parse(chunk, fileIndex: fileIndex, maxLineLength: maxLineLength)
                results.set(index, parsed)
            }
        }
    }

    /// Waits until every chunk is parsed and hands them over, in chunk order.
    func wait() -> [ParsedChunk<Row>] {
        group.wait()
        return results.take().map { $0! }
    }
}
