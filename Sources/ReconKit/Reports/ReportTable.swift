/// A CSV report: a header, rows of printed fields, and how many leading columns form the grain.
struct ReportTable {
    let columns: [String]
    var rows: [[String]] = []
    /// Free-text columns from the inputs (titles, artists, campaign and track names):
    /// protected against spreadsheet formula evaluation when written.
    private let textColumns: Set<Int>

    /// Column names whose values are free text from the inputs.
    static let freeTextColumns: Set<String> = [
        "target_title", "target_artist", "engaged_title", "engaged_artist", "campaign_name", "engaged_track_name",
    ]

    init(columns: [String]) {
        self.columns = columns
        textColumns = Set(columns.indices.filter { Self.freeTextColumns.contains(columns[$0]) })
    }

    /// Sorts rows by the first `grainCount` columns, compared as byte strings (empty first).
    mutating func sortByGrain(_ grainCount: Int) {
        rows.sort { lhs, rhs in
            for index in 0..<grainCount where lhs[index] != rhs[index] {
                return lhs[index].utf8.lexicographicallyPrecedes(rhs[index].utf8)
            }
            return false
        }
    }

    /// The column's index by name.
    func index(of column: String) -> Int { columns.firstIndex(of: column)! }

    /// RFC 4180 text with minimal quoting, LF line ends.
    var csv: String {
        var text = csvHeader
        for row in rows { text += csvLine(row) }
        return text
    }

    /// The header line.
    var csvHeader: String { CSVText.line(columns) }

    /// One row as a CSV line, free-text columns protected.
    func csvLine(_ row: [String]) -> String {
        CSVText.line(row.indices.map { textColumns.contains($0) ? CSVText.defused(row[$0]) : row[$0] })
    }
}

/// Minimal RFC 4180 quoting: only fields with `,`, `"`, CR or LF are quoted.
enum CSVText {
    static func field(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Prefixes `'` to text a spreadsheet would evaluate as a formula (`=`, `+`, `-`, `@`, TAB, CR first).
    static func defused(_ value: String) -> String {
        guard let first = value.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return value }
        return "'" + value
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
