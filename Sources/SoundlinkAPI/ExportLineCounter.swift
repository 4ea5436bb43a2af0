import ReconKit

/// Counts the lines of an export as its bytes stream past, and tells whether every row is final
/// (`exported_at` ≥ `report_date` + 8 days, SPEC §4); only the unfinished line is held.
public struct ExportLineCounter: Sendable {
    /// Non-blank lines seen.
    public private(set) var rows = 0
    /// False once a row is provisional or cannot be read.
    public private(set) var allFinal = true
    private var partial: [UInt8] = []
    /// A line longer than this is not inspected (it is still counted); the window is then not final.
    private static let longestInspected = 1 << 20

    public init() {}

    public mutating func feed(_ bytes: some Collection<UInt8>) {
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                if partial.isEmpty {
                    finishLine(Array(bytes[lineStart..<index]))
                } else {
                    append(bytes[lineStart..<index])
                    finishLine(partial)
                    partial.removeAll(keepingCapacity: true)
                }
                lineStart = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        append(bytes[lineStart..<bytes.endIndex])
    }

    /// Counts a last line without a line feed.
    public mutating func finish() {
        if !partial.isEmpty {
            finishLine(partial)
            partial.removeAll()
        }
    }

    private var overlong = false

    private mutating func append(_ bytes: some Collection<UInt8>) {
        if partial.count + bytes.count > Self.longestInspected {
            overlong = true
            // Keep one byte so that the line is still counted when it ends.
            if partial.isEmpty, !bytes.isEmpty { partial = [UInt8(ascii: "x")] }
            return
        }
        partial.append(contentsOf: bytes)
    }

    private mutating func finishLine(_ line: [UInt8]) {
        guard line.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { return }
        rows += 1
        if overlong {
            overlong = false
            allFinal = false
            return
        }
        if allFinal, !Self.isFinal(line) { allFinal = false }
    }

    /// True when the line's `exported_at` is at or after its `report_date` + 8 days at 00:00 UTC.
    public static func isFinal(_ line: [UInt8]) -> Bool {
        guard let dateText = stringValue(of: "report_date", in: line), let day = CalendarDay(dateText),
              let exportedText = stringValue(of: "exported_at", in: line), let exported = Instant(exportedText)
        else { return false }
        return exported >= Instant(startOf: day.adding(days: 8))
    }

    /// The plain string value of a top-level-looking `"key": "value"` pair; nil for null, escapes or absence.
    static func stringValue(of key: String, in line: [UInt8]) -> String? {
        let needle = Array(("\"" + key + "\"").utf8)
        guard line.count >= needle.count else { return nil }
        var start = 0
        while start + needle.count <= line.count {
            guard let first = line[start...].firstIndex(of: needle[0]) else { return nil }
            if first + needle.count <= line.count, Array(line[first..<first + needle.count]) == needle {
                var index = first + needle.count
                while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
                if index < line.count, line[index] == UInt8(ascii: ":") {
                    index += 1
                    while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
                    guard index < line.count, line[index] == UInt8(ascii: "\"") else { return nil }
                    let valueStart = index + 1
                    guard let valueEnd = line[valueStart...].firstIndex(of: UInt8(ascii: "\"")),
                          !line[valueStart..<valueEnd].contains(UInt8(ascii: "\\"))
                    else { return nil }
                    return String(decoding: line[valueStart..<valueEnd], as: UTF8.self)
                }
            }
            start = first + 1
        }
        return nil
    }
}
