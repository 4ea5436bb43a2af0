/// How kept rows of one kind are held in memory: a packed form, and the tables the packed
/// form refers to (texts that repeat across rows, values too large for the packed fields).
///
/// `ChunkedRows` stores packed rows and hands out whole rows, so millions of kept rows
/// cost the packed size each while every reader keeps working on plain rows.
protocol RowPacking: Sendable {
    associatedtype Row
    associatedtype Packed: Sendable
    init()
    /// The packed form of `row`, adding what it refers to to the tables.
    mutating func pack(_ row: Row) -> Packed
    /// The row that `packed` was made from (only reads: safe from several threads).
    func unpack(_ packed: Packed) -> Row
    /// Writes the tables to the re-run cache; `init(from:)` reads them back.
    func write(to snapshot: SnapshotWriter)
    init(from snapshot: SnapshotReader) throws(SnapshotDamaged)
}

/// Rows kept as they are.
struct UnpackedRows<Row: Sendable>: RowPacking {
    init() {}
    func pack(_ row: Row) -> Row { row }
    func unpack(_ packed: Row) -> Row { packed }
    func write(to snapshot: SnapshotWriter) {}
    init(from snapshot: SnapshotReader) {}
}
