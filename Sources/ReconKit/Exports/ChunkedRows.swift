/// Rows stored in fixed-size chunks: appending never copies the rows already stored,
/// so peak memory stays near the rows' own size (a growing array briefly needs twice it).
struct ChunkedRows<Row>: RandomAccessCollection {
    private static var chunkSize: Int { 1 << 16 }
    private var chunks: [[Row]] = []
    private(set) var count = 0

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Row {
        get { chunks[position >> 16][position & 0xFFFF] }
        set { chunks[position >> 16][position & 0xFFFF] = newValue }
    }

    mutating func append(_ row: Row) {
        if count & 0xFFFF == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        chunks[chunks.count - 1].append(row)
        count += 1
    }
}
