/// One line of `reconciliation.csv`: an overview's measure against the breakdown rows.
public struct TieOutLine: Sendable, Equatable {
    public enum Status: String, Sendable {
        case ok
        case notReported = "not_reported"
        case mismatch
    }

    public let campaignID: String
    public let start: CalendarDay
    public let end: CalendarDay
    public let measure: TieOutMeasure
    /// The overview's value (a count, or money in micro-units); nil when not reported.
    public let overview: Int128?
    /// The sum over the de-duplicated breakdown rows of the campaign in the window.
    public let exports: Int128

    /// Money within a cent ties out: the overview rounds its sums.
    static let moneyTolerance: Int128 = 10_000

    /// overview − exports; nil when the overview does not report the measure.
    public var difference: Int128? { overview.map { $0 - exports } }

    public var status: Status {
        guard let difference else { return .notReported }
        let tolerance = measure.isMoney ? Self.moneyTolerance : 0
        return difference.magnitude <= tolerance.magnitude ? .ok : .mismatch
    }

    /// A value as printed: money in the SPEC §4 format, counts as integers.
    public func printed(_ value: Int128) -> String {
        measure.isMoney ? MoneyTotal(micros: value).description : String(value)
    }

    /// The typed fields, in `reconciliation.csv` column order: money or a count by measure.
    var fields: [ReportField] {
        let value = { (value: Int128) -> ReportField in
            measure.isMoney ? .money(MoneyTotal(micros: value)) : .count(value)
        }
        return [.text(campaignID), .text(start.description), .text(end.description), .text(measure.rawValue),
                overview.map(value) ?? .empty, value(exports), difference.map(value) ?? .empty, .text(status.rawValue)]
    }

    public static let columns = [
        "campaign_id", "window_start", "window_end", "measure", "overview", "exports", "difference", "status",
    ]
}

/// What the tie-out against the overview files found, for the summary.
public struct TieOutCounts: Sendable, Equatable {
    /// Overview files read.
    public var files = 0
    /// Windows compared (overlapping the period).
    public var windows = 0
    /// Windows not overlapping the period, skipped.
    public var windowsSkipped = 0
    public var lines = 0
    public var ok = 0
    public var notReported = 0
    public var mismatches = 0

    public init() {}
}
