/// A decoded export row with its primary key.
protocol ExportRow: Sendable {
    associatedtype Key: Hashable
    var header: RowHeader { get set }
    var key: Key { get }
    /// Replaces every interned id (string pool translation).
    mutating func remap(_ translate: (UInt32) -> UInt32)
    init(_ parser: ExportLineParser, origin: RowOrigin) throws(RowProblem)
}

/// Rows kept one per primary key: the latest `exported_at` wins, ties go to the row read last.
struct DeduplicatedRows<Row: ExportRow> {
    private(set) var rows: [Row] = []
    private var positions: [Row.Key: Int] = [:]
    /// Rows that lost the de-duplication, whatever their date.
    private(set) var superseded = 0

    mutating func insert(_ row: Row) {
        let key = row.key
        if let position = positions[key] {
            superseded += 1
            if row.header.supersedes(rows[position].header) { rows[position] = row }
        } else {
            positions[key] = rows.count
            rows.append(row)
        }
    }
}
