/// A decoded export row with its primary key.
protocol ExportRow: Sendable {
    associatedtype Key: RowKey
    var header: RowHeader { get set }
    var key: Key { get }
    /// Replaces every interned id (string pool translation).
    mutating func remap(_ translate: (UInt32) -> UInt32)
    init(_ parser: ExportLineParser, origin: RowOrigin) throws(RowProblem)
}

/// A primary key with a fast hash of its interned ids.
protocol RowKey: Equatable {
    var slotHash: Int { get }
}

/// Rows kept one per primary key: the latest `exported_at` wins, ties go to the row read last.
///
/// The index is an open-addressing table of row positions (4 bytes a slot) that compares
/// keys through the stored rows, so no key is stored twice.
struct DeduplicatedRows<Row: ExportRow> {
    private(set) var rows = ChunkedRows<Row>()
    private var slots = [Int32](repeating: -1, count: 1 << 16)
    /// Rows that lost the de-duplication, whatever their date.
    private(set) var superseded = 0

    mutating func insert(_ row: Row) {
        let key = row.key
        let mask = slots.count - 1
        var slot = key.slotHash & mask
        while slots[slot] >= 0 {
            let position = Int(slots[slot])
            if rows[position].key == key {
                superseded += 1
                if row.header.supersedes(rows[position].header) { rows[position] = row }
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(rows.count)
        rows.append(row)
        if rows.count * 4 > slots.count * 3 { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for position in rows.indices {
            var slot = rows[position].key.slotHash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(position)
        }
    }
}
