import ReconKit

/// One inclusive window of at most 90 days: the unit of requests, files and finality.
public struct FetchWindow: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let start: CalendarDay
    public let end: CalendarDay

    /// The API refuses ranges longer than this.
    public static let maximumDays: Int32 = 90

    public init(start: CalendarDay, end: CalendarDay) {
        self.start = start
        self.end = end
    }

    /// Consecutive windows from the period's first day; the last one ends on the period's last day.
    public static func cut(from: CalendarDay, to: CalendarDay) -> [FetchWindow] {
        var windows: [FetchWindow] = []
        var start = from
        while start <= to {
            let end = min(start.adding(days: maximumDays - 1), to)
            windows.append(FetchWindow(start: start, end: end))
            start = end.adding(days: 1)
        }
        return windows
    }

    public var days: Int32 { end.daysSinceEpoch - start.daysSinceEpoch + 1 }
    public var description: String { "\(start)..\(end)" }

    public static func < (lhs: FetchWindow, rhs: FetchWindow) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
