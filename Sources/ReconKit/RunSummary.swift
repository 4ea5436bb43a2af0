/// What a finished run found: counts per source, catalog stats, totals and gate results.
public struct RunSummary: Sendable {
    public static let toolVersion = "1.0.0"

    public var settings: RunSettings
    public var breakdown = SourceCounts()
    public var engagement = SourceCounts()
    public var breakdownFiles: [String] = []
    public var engagementFiles: [String] = []
    public var catalogFiles: [CatalogSet.FileStats] = []
    public var catalogIssuesByKind: [(CatalogIssue.Kind, Int)] = []
    public var breakdownTargets = MatchCounts()
    public var engagementTargets = MatchCounts()
    public var engagementEngaged = MatchCounts()
    public var breakdownStreams: Int128 = 0
    public var engagementStreams: Int128 = 0
    /// Money totals per currency code, sorted by code.
    public var currencies: [(code: String, totals: CurrencyTotals)] = []
    /// Each tie-out invariant of SPEC §6 and whether it held.
    public var tieOut: [(name: String, held: Bool)] = []
    public var gates: [GateResult] = []
    /// Every input file read (catalogs, exports, overviews) with its size and SHA-256.
    public var inputFiles: [InputFingerprint] = []
    /// The tie-out against the overview files; nil without `--overview`.
    public var overviewTieOut: TieOutCounts?
    /// The lines of `reconciliation.csv`, in order.
    public var tieOutLines: [TieOutLine] = []
    /// Kept breakdown rows whose `spend_total` is not `spend_media + fees` within a cent.
    public var rowChecks = 0

    /// True when every enabled gate passed.
    public var passed: Bool { gates.allSatisfy(\.passed) }
}
