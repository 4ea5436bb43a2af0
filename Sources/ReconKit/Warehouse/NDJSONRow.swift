/// Builds one NDJSON line of a `WarehouseTable`: each value is written under the next
/// column's name, so the line has the table's columns in its order by construction.
struct NDJSONRow {
    let table: WarehouseTable
    private(set) var bytes: [UInt8] = []
    private var column = 0
    /// `"name":` of every column, built once.
    private let keys: [[UInt8]]

    init(_ table: WarehouseTable) {
        self.table = table
        keys = table.columns.enumerated().map { index, column in
            Array(((index == 0 ? "{\"" : ",\"") + column.name + "\":").utf8)
        }
        bytes.reserveCapacity(1024)
    }

    /// Starts a new line.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        column = 0
    }

    private mutating func next(_ type: WarehouseTable.ColumnType) {
        precondition(table.columns[column].type == type, "\(table.name).\(table.columns[column].name) is not \(type)")
        bytes.append(contentsOf: keys[column])
        column += 1
    }

    /// A text value: UTF-8 bytes, escaped as JSON.
    mutating func text(_ value: UnsafeRawBufferPointer) {
        next(.text)
        bytes.append(0x22)
        for byte in value {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20, 0x7F:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { text(UnsafeRawBufferPointer($0)) }
    }

    /// A text value, or null.
    mutating func text(_ value: String?) {
        if let value { text(value) } else { null(.text) }
    }

    mutating func integer(_ value: Int64?) {
        next(.integer)
        if let value { bytes.append(contentsOf: String(value).utf8) } else { bytes.append(contentsOf: Self.nullBytes) }
    }

    mutating func boolean(_ value: Bool) {
        next(.boolean)
        bytes.append(contentsOf: Array((value ? "true" : "false").utf8))
    }

    mutating func null(_ type: WarehouseTable.ColumnType) {
        next(type)
        bytes.append(contentsOf: Self.nullBytes)
    }

    /// Closes the object and ends the line; every column must have been written.
    mutating func end() {
        precondition(column == table.columns.count, "\(table.name): \(column) of \(table.columns.count) columns written")
        bytes.append(contentsOf: [0x7D, 0x0A])
    }

    private static let hex = Array("0123456789abcdef".utf8)
    private static let nullBytes = Array("null".utf8)
}
