#if canImport(Glibc)
import Glibc
#endif
import ReconKit

/// Counts the lines of an export as its bytes stream past, and tells whether every row is final
/// (`exported_at` ≥ `report_date` + 8 days, SPEC §4); only the unfinished line is held.
public struct ExportLineCounter: Sendable {
    /// Non-blank lines seen.
    public private(set) var rows = 0
    /// False once a row is provisional, cannot be read, or is not of the window asked for.
    public private(set) var allFinal = true
    /// Rows whose `campaign_id` or `report_date` is not the window's: the server answered for
    /// something else (such rows keep the window provisional, so it is asked for again).
    public private(set) var outOfWindow = 0
    private let campaign: String?
    private let days: ClosedRange<CalendarDay>?
    private var partial: [UInt8] = []
    /// The unfinished line grew past `longestInspected`: it is counted, not inspected.
    private var overlong = false
    /// A line longer than this is not inspected; the window is then not final.
    private static let longestInspected = 1 << 20

    /// A counter for the export of `campaign` over `days`; with nil, rows are not checked against them.
    public init(campaign: String? = nil, days: ClosedRange<CalendarDay>? = nil) {
        self.campaign = campaign
        self.days = days
    }

    public mutating func feed(_ bytes: some Collection<UInt8>) {
        Array(bytes).withUnsafeBytes { feed($0) }
    }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var start = 0
        while start < bytes.count {
            guard let found = memchr(base + start, 0x0A, bytes.count - start) else {
                append(UnsafeRawBufferPointer(rebasing: bytes[start...]))
                return
            }
            let end = base.distance(to: UnsafeRawPointer(found))
            let piece = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            if partial.isEmpty, !overlong {
                finishLine(piece)
            } else {
                append(piece)
                let line = partial
                partial.removeAll(keepingCapacity: true)
                line.withUnsafeBytes { finishLine($0) }
            }
            start = end + 1
        }
    }

    /// Counts a last line without a line feed.
    public mutating func finish() {
        if !partial.isEmpty || overlong {
            let line = partial
            partial.removeAll()
            line.withUnsafeBytes { finishLine($0) }
        }
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if overlong { return }
        if partial.count + bytes.count > Self.longestInspected {
            overlong = true
            // Keep one byte so that the line counts as non-blank when it ends.
            partial = [UInt8(ascii: "x")]
            return
        }
        partial.append(contentsOf: bytes)
    }

    private mutating func finishLine(_ line: UnsafeRawBufferPointer) {
        // The same verdict however the line was cut into chunks.
        let wasOverlong = overlong || line.count > Self.longestInspected
        overlong = false
        guard line.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { return }
        rows += 1
        if wasOverlong {
            allFinal = false
            return
        }
        // `report_date` is read once, for both checks.
        let day = Self.stringValue(of: Self.reportDate, in: line).flatMap(CalendarDay.init)
        if allFinal, !Self.isFinal(line, reportDate: day) { allFinal = false }
        if !isOfWindow(line, reportDate: day) {
            outOfWindow += 1
            allFinal = false
        }
    }

    /// True when the line's `campaign_id` and `report_date` are the window's (or none was given).
    private func isOfWindow(_ line: UnsafeRawBufferPointer, reportDate day: CalendarDay?) -> Bool {
        if let campaign, Self.stringValue(of: Self.campaignID, in: line) != campaign { return false }
        if let days { guard let day, days.contains(day) else { return false } }
        return true
    }

    /// True when the line's `exported_at` is at or after its `report_date` + 8 days at 00:00 UTC.
    public static func isFinal(_ line: UnsafeRawBufferPointer) -> Bool {
        isFinal(line, reportDate: stringValue(of: reportDate, in: line).flatMap(CalendarDay.init))
    }

    /// `isFinal` with the line's `report_date` already read (nil: absent or not a date).
    private static func isFinal(_ line: UnsafeRawBufferPointer, reportDate day: CalendarDay?) -> Bool {
        guard let day, let exportedText = stringValue(of: exportedAt, in: line), let exported = Instant(exportedText)
        else { return false }
        return exported >= Instant(startOf: day.adding(days: 8))
    }

    private static let reportDate = Array("\"report_date\"".utf8)
    private static let exportedAt = Array("\"exported_at\"".utf8)
    private static let campaignID = Array("\"campaign_id\"".utf8)

    /// The plain string value of a `"key": "value"` pair; nil for null, escapes or absence.
    static func stringValue(of needle: [UInt8], in line: UnsafeRawBufferPointer) -> String? {
        guard let base = line.baseAddress else { return nil }
        var searchFrom = 0
        while searchFrom < line.count {
            // memmem is a GNU extension Swift does not see: find each quote, then compare.
            guard let quote = memchr(base + searchFrom, Int32(needle[0]), line.count - searchFrom) else { return nil }
            let at = base.distance(to: UnsafeRawPointer(quote))
            searchFrom = at + 1
            guard line.count - at >= needle.count,
                  needle.withUnsafeBytes({ memcmp(quote, $0.baseAddress!, needle.count) }) == 0 else { continue }
            var index = at + needle.count
            searchFrom = index
            while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
            guard index < line.count, line[index] == UInt8(ascii: ":") else { continue }
            index += 1
            while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
            guard index < line.count, line[index] == UInt8(ascii: "\"") else { return nil }
            let valueStart = index + 1
            var valueEnd = valueStart
            while valueEnd < line.count, line[valueEnd] != UInt8(ascii: "\"") {
                if line[valueEnd] == UInt8(ascii: "\\") { return nil }
                valueEnd += 1
            }
            guard valueEnd < line.count else { return nil }
            return String(decoding: UnsafeRawBufferPointer(rebasing: line[valueStart..<valueEnd]), as: UTF8.self)
        }
        return nil
    }
}
