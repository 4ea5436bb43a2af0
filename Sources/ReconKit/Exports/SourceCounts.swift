/// How the lines of one source were accounted for.
///
/// Conservation: `lines = blank + rejected + superseded + outOfPeriod + filtered + kept`.
public struct SourceCounts: Sendable, Equatable {
    public var files = 0
    public var lines = 0
    public var blank = 0
    public var rejected = 0
    public var superseded = 0
    public var outOfPeriod = 0
    /// Engagement rows dropped by `--engagement-context` (always 0 for breakdown).
    public var filtered = 0
    public var kept = 0
    public var provisional = 0

    public init() {}

    /// True when every line is accounted for exactly once.
    public var isConserved: Bool {
        lines == blank + rejected + superseded + outOfPeriod + filtered + kept
    }

    /// Adds how another part of the same rows was admitted (out of period, filtered, kept, provisional).
    mutating func addAdmissions(_ other: SourceCounts) {
        outOfPeriod += other.outOfPeriod
        filtered += other.filtered
        kept += other.kept
        provisional += other.provisional
    }
}
