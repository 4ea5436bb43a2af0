/// The reporting period: inclusive, either end may be open (SPEC §8).
public struct Period: Sendable, Equatable {
    public var from: CalendarDay?
    public var to: CalendarDay?

    /// Every date is in period.
    public static let all = Period(from: nil, to: nil)

    public init(from: CalendarDay?, to: CalendarDay?) {
        self.from = from
        self.to = to
    }

    /// The calendar month `YYYY-MM`.
    public init?(month: String) {
        let parts = month.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let number = Int(parts[1]),
              let first = CalendarDay(year: year, month: number, day: 1),
              let last = CalendarDay(year: year, month: number, day: CalendarDay.daysIn(month: number, year: year))
        else { return nil }
        self.init(from: first, to: last)
    }

    /// True when `to` is before `from`: no date could be in it.
    public var isInverted: Bool {
        guard let from, let to else { return false }
        return to < from
    }

    public func contains(_ day: CalendarDay) -> Bool {
        (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }

    /// `2026-04-01..2026-04-30`, `open` for a missing end, or `all dates`.
    public var description: String {
        if from == nil, to == nil { return "all dates" }
        return "\(from?.description ?? "open")..\(to?.description ?? "open")"
    }
}
