/// Rows stored packed (`ExportRow.Packing`) in fixed-size chunks: appending never copies the
/// rows already stored, so peak memory stays near the packed rows' own size (a growing
/// array briefly needs twice it). Reading a position unpacks the whole row.
struct ChunkedRows<Row: ExportRow>: RandomAccessCollection {
    private static var chunkSize: Int { 1 << 16 }
    private(set) var chunks: [[Row.Packing.Packed]] = []
    private(set) var packing = Row.Packing()
    private(set) var count = 0

    init() {}

    /// Rows stored before in full chunks of `chunkSize` (the last one may be shorter).
    init?(chunks: [[Row.Packing.Packed]], packing: Row.Packing) {
        guard chunks.dropLast().allSatisfy({ $0.count == Self.chunkSize }), chunks.last?.isEmpty != true else { return nil }
        self.chunks = chunks
        self.packing = packing
        count = chunks.reduce(0) { $0 + $1.count }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// The first `count` rows (sharing storage until either is changed).
    func prefix(_ count: Int) -> ChunkedRows {
        var result = self
        let chunkCount = (count + Self.chunkSize - 1) / Self.chunkSize
        result.chunks.removeLast(chunks.count - chunkCount)
        if count % Self.chunkSize != 0 { result.chunks[chunkCount - 1].removeLast(result.chunks[chunkCount - 1].count - count % Self.chunkSize) }
        result.count = count
        return result
    }

    subscript(position: Int) -> Row {
        get { packing.unpack(chunks[position >> 16][position & 0xFFFF]) }
        set {
            let packed = packing.pack(newValue)
            chunks[position >> 16][position & 0xFFFF] = packed
        }
    }

    mutating func append(_ row: Row) {
        if count & 0xFFFF == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        let packed = packing.pack(row)
        chunks[chunks.count - 1].append(packed)
        count += 1
    }
}
