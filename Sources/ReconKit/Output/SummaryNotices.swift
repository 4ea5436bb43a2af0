/// The sentences that tell a user what a run skipped, doubted or could not keep; the
/// executable prints them as warnings, `summary.md` and `report.html` list them.
public enum SummaryNotices {
    /// Everything worth a warning, in a fixed order.
    public static func warnings(_ summary: RunSummary) -> [String] {
        var warnings = summary.skippedFiles.map {
            "\($0) is not read: only *.jsonl and *.jsonl.gz files in an export folder are (rename it to read it)"
        }
        warnings += summary.rejectedFiles.map(\.explanation)
        for (source, count) in [("breakdown", summary.breakdownConflicts), ("engagement", summary.engagementConflicts)]
        where count > 0 {
            warnings.append("\(count) \(source) rows share a primary key and exported_at with a row of different values; "
                + "the row read last is kept (see conflicts.csv)")
        }
        return warnings
    }

    /// Why the `nothing_kept` gate fails (empty when it would pass).
    public static func emptyReasons(_ summary: RunSummary) -> [String] {
        var reasons: [String] = []
        if summary.breakdown.kept == 0 {
            let period = summary.settings.period
            let counts = period == .all
                ? "\(summary.breakdown.rejected) rejected, no period given"
                : "\(summary.breakdown.outOfPeriod) out of the period \(period.description)"
            reasons.append("no breakdown row was kept (\(summary.breakdown.lines) lines read, \(counts))")
        }
        reasons += summary.rejectedFiles.map(\.explanation)
        return reasons
    }
}
