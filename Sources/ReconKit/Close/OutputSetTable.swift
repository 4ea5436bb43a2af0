/// One report of an output set read back for `diff`: each grain's listed numbers
/// (counts as integers, money in micro-units).
struct OutputSetTable {
    /// A column compared by `diff`.
    struct Column {
        let name: String
        let isMoney: Bool
    }

    let path: String
    let grainColumns: [String]
    let valueColumns: [Column]
    /// Numbers per grain, in the order of `valueColumns`.
    private(set) var values: [[String]: [Int128]] = [:]

    /// Reads `path`; a missing file, a missing column, a bad number or a repeated grain throws.
    init(path: String, grainColumns: [String], valueColumns: [Column]) throws {
        self.path = path
        self.grainColumns = grainColumns
        self.valueColumns = valueColumns
        let bytes = try FileBytes.read(path)
        let reader = try CSVRecordReader(path: path, delimiter: UInt8(ascii: ","), trimsUnquotedSpace: false)
        var grainIndices: [Int]?
        var valueIndices: [Int] = []
        var table: [[String]: [Int128]] = [:]
        try reader.read(bytes) { record in
            let fields = (0..<record.count).map { String(decoding: record.field($0), as: UTF8.self) }
            guard let grain = grainIndices else {
                func index(_ name: String) throws -> Int {
                    guard let found = fields.firstIndex(of: name) else {
                        throw ReconError.outputSet(path: path, reason: "no column '\(name)' in the header")
                    }
                    return found
                }
                grainIndices = try grainColumns.map(index)
                valueIndices = try valueColumns.map { try index($0.name) }
                return
            }
            if record.isBlank { return }
            let key = grain.map { $0 < fields.count ? fields[$0] : "" }
            let numbers = try zip(valueColumns, valueIndices).map { column, index in
                try Self.number(index < fields.count ? fields[index] : "", column, path: path, line: record.line)
            }
            guard table.updateValue(numbers, forKey: key) == nil else {
                throw ReconError.outputSet(path: path, reason: "line \(record.line) repeats a grain")
            }
        }
        guard grainIndices != nil else { throw ReconError.outputSet(path: path, reason: "empty file: no header line") }
        values = table
    }

    private static func number(_ text: String, _ column: Column, path: String, line: Int) throws -> Int128 {
        if column.isMoney, case let .value(money) = Money.parse(text) { return Int128(money.micros) }
        if !column.isMoney, let count = Int128(text) { return count }
        throw ReconError.outputSet(path: path, reason: "line \(line): '\(text)' is not a valid \(column.name)")
    }
}
