/// A decoded export row with its primary key.
protocol ExportRow: Sendable {
    associatedtype Key: RowKey
    /// How kept rows are held in memory.
    associatedtype Packing: RowPacking where Packing.Row == Self
    var header: RowHeader { get set }
    var key: Key { get }
    /// Replaces every interned id (string pool translation).
    mutating func remap(_ translate: (TextID) -> TextID)
    init(_ parser: ExportLineParser, origin: RowOrigin) throws(RowProblem)
    /// True when both rows report the same values (where they were read aside).
    func reportsSameValues(as other: Self) -> Bool
}

/// A primary key with a fast hash of its interned ids.
protocol RowKey: Equatable {
    var slotHash: Int { get }
}

/// Rows kept one per primary key: the latest `exported_at` wins, ties go to the row read last.
///
/// The index is an open-addressing table of row positions (4 bytes a slot) beside a
/// one-byte tag of each key's hash: probing compares tags and touches a stored row
/// only when its tag matches, so no key is stored twice and a miss costs no row reads.
struct DeduplicatedRows<Row: ExportRow> {
    private(set) var rows = ChunkedRows<Row>()
    private var slots = [Int32](repeating: -1, count: 1 << 16)
    private var tags = [UInt8](repeating: 0, count: 1 << 16)
    /// Rows that lost the de-duplication, whatever their date.
    private(set) var superseded = 0
    /// Per kept row's position, the rows it beat on an `exported_at` tie although their
    /// values differed: the winner then depends on read order alone (rare; usually empty).
    private(set) var conflicts: [Int: [RowOrigin]] = [:]
    /// The smallest file index of a kept row that a row of another file replaced, since
    /// `resetReplacedFile` (`Int.max`: none). The re-run cache reuses the rows of the first
    /// files only when no later file replaced one of them.
    private(set) var earliestReplacedFile = Int.max

    init() {}

    /// The table holding `rows`, as de-duplicated before (the re-run cache), with their
    /// conflicts and the superseded count; the index is built anew at the first insert, so a
    /// table that takes no more rows never builds it.
    init(rows: ChunkedRows<Row>, conflicts: [Int: [RowOrigin]], superseded: Int) {
        self.rows = rows
        self.conflicts = conflicts
        self.superseded = superseded
        slots = []
    }

    mutating func resetReplacedFile() { earliestReplacedFile = Int.max }

    mutating func insert(_ row: Row) {
        if slots.isEmpty {
            var size = 1 << 16
            while rows.count * 4 > size * 3 { size *= 2 }
            rebuildIndex(slotCount: size)
        }
        let key = row.key
        let hash = key.slotHash
        let tag = Self.tag(hash)
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 {
            if tags[slot] == tag {
                let position = Int(slots[slot])
                if rows[position].key == key {
                    superseded += 1
                    let previous = rows[position]
                    guard row.header.supersedes(previous.header) else { return }
                    if row.header.exportedAt == previous.header.exportedAt {
                        if !row.reportsSameValues(as: previous) { conflicts[position, default: []].append(previous.header.origin) }
                    } else if !conflicts.isEmpty {
                        conflicts[position] = nil
                    }
                    if previous.header.origin.file != row.header.origin.file {
                        earliestReplacedFile = min(earliestReplacedFile, previous.header.origin.file)
                    }
                    rows[position] = row
                    return
                }
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(rows.count)
        tags[slot] = tag
        rows.append(row)
        if rows.count * 4 > slots.count * 3 { grow() }
    }

    /// Hash bits not used to pick the slot.
    @inline(__always)
    private static func tag(_ hash: Int) -> UInt8 { UInt8(truncatingIfNeeded: UInt(bitPattern: hash) >> 56) }

    private mutating func grow() { rebuildIndex(slotCount: slots.count * 2) }

    private mutating func rebuildIndex(slotCount: Int) {
        slots = [Int32](repeating: -1, count: slotCount)
        tags = [UInt8](repeating: 0, count: slotCount)
        let mask = slots.count - 1
        for position in rows.indices {
            let hash = rows[position].key.slotHash
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(position)
            tags[slot] = Self.tag(hash)
        }
    }
}
