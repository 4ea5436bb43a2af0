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
    /// Rejected lines of both sources per reason, in the order of `RejectionReason.allCases`; complete
    /// even when `rejected.jsonl` lists only the first rejections of a file.
    public var rejectionsByReason: [(reason: RejectionReason, count: Int)] = []
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
    /// Files in export folders that look like exports but are not read (not `*.jsonl` / `*.jsonl.gz`).
    public var skippedFiles: [String] = []
    /// Export files whose every non-blank line was rejected.
    public var rejectedFiles: [RejectedFile] = []
    /// Rows that tied on key and `exported_at` with different values (listed in `conflicts.csv`).
    public var breakdownConflicts = 0
    public var engagementConflicts = 0
    /// Campaigns with provisional days in the period, sorted by campaign id.
    public var provisionalCampaigns: [ProvisionalCampaign] = []

    /// Export files whose rows came from the re-run cache (in no report: a re-run's reports are
    /// byte-identical to a cold run's).
    public var exportFilesFromCache = 0
    /// Leading catalogs taken from the re-run cache as loaded (in no report either).
    public var catalogsFromCache = 0

    /// True when every enabled gate passed.
    public var passed: Bool { gates.allSatisfy(\.passed) }
}
