/// Evaluates the gates of SPEC §7 (and §13's default `nothing_kept`) on a finished run; every
/// gate is reported, enabled or not. `max_unmatched_rate` compares each currency's exact share
/// with R; its value is the worst share rounded to 6 decimals, so a share just above R can print
/// equal to it. `nothing_kept`'s value is the number of kept breakdown rows,
/// and it also fails when a file had every non-blank line rejected (`RunSummary.rejectedFiles`).
enum GateCheck {
    static func evaluate(_ summary: RunSummary) -> [GateResult] {
        let gates = summary.settings.gates
        let worst = summary.currencies.map(\.totals.unmatchedRate).max() ?? Rate(millionths: 0)
        let rateLimit = gates.maxUnmatchedRate
        let provisional = summary.breakdown.provisional + summary.engagement.provisional
        let rejected = summary.breakdown.rejected + summary.engagement.rejected
        let nothingKept = summary.breakdown.kept == 0 || !summary.rejectedFiles.isEmpty
        return [
            GateResult(name: "nothing_kept", threshold: gates.allowEmpty ? nil : "1",
                       value: String(summary.breakdown.kept), passed: gates.allowEmpty || !nothingKept),
            GateResult(name: "max_unmatched_rate", threshold: rateLimit?.description, value: worst.description,
                       passed: rateLimit.map { limit in summary.currencies.allSatisfy { $0.totals.unmatchedRate(isAtMost: limit) } }
                           ?? true),
            GateResult(name: "require_final", threshold: gates.requireFinal ? "0" : nil, value: String(provisional),
                       passed: !gates.requireFinal || provisional == 0),
            GateResult(name: "strict", threshold: gates.strict ? "0" : nil, value: String(rejected),
                       passed: !gates.strict || rejected == 0),
            tieOut(summary),
        ]
    }

    /// `--require-tie-out`: no `mismatch` line in `reconciliation.csv`.
    private static func tieOut(_ summary: RunSummary) -> GateResult {
        let enabled = summary.settings.gates.requireTieOut
        let mismatches = summary.overviewTieOut?.mismatches ?? 0
        return GateResult(name: "require_tie_out", threshold: enabled ? "0" : nil, value: String(mismatches),
                          passed: !enabled || mismatches == 0)
    }
}
