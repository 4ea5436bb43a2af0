/// One overview file: Soundlink's own totals for a campaign over a date window (SPEC §10).
public struct Overview: Sendable, Equatable {
    /// The path as given (a folder argument joined with the file name).
    public let path: String
    public let campaignID: String
    public let start: CalendarDay
    public let end: CalendarDay
    /// Upper-case currency code of the money measures; nil when the overview gives none.
    public let currency: String?
    /// Each reported measure: a count, or money in micro-units. A measure that is null or
    /// absent is not in the dictionary ("not reported").
    public let values: [TieOutMeasure: Int128]

    public init(path: String, campaignID: String, start: CalendarDay, end: CalendarDay, currency: String?,
                values: [TieOutMeasure: Int128]) {
        self.path = path
        self.campaignID = campaignID
        self.start = start
        self.end = end
        self.currency = currency
        self.values = values
    }

    /// True when the window shares at least one day with `period`.
    public func overlaps(_ period: Period) -> Bool {
        (period.from.map { end >= $0 } ?? true) && (period.to.map { start <= $0 } ?? true)
    }

    /// True when `day` lies in the window (both ends inclusive).
    public func contains(_ day: CalendarDay) -> Bool { day >= start && day <= end }
}
