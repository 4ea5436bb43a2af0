/// The provisional days of one campaign, and the date by which all of them become final
/// (SPEC §4: a day may be revised until `report_date + 8 days`, 00:00 UTC).
public struct ProvisionalCampaign: Sendable, Equatable {
    public let campaignID: String
    /// Sorted, distinct.
    public let days: [CalendarDay]

    /// The first date on which a fresh export of every listed day is final.
    public var finalOn: CalendarDay { (days.last ?? CalendarDay(daysSinceEpoch: 0)).adding(days: 8) }

    /// `2026-04-24..2026-04-27, 2026-04-30`: consecutive days folded into ranges.
    public var daysText: String {
        var parts: [String] = []
        var index = 0
        while index < days.count {
            var end = index
            while end + 1 < days.count, days[end + 1].daysSinceEpoch == days[end].daysSinceEpoch + 1 { end += 1 }
            parts.append(end == index ? days[index].description : "\(days[index])..\(days[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
