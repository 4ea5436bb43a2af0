/// Renders `summary.md`, the readable twin of `summary.json`.
enum SummaryMarkdown {
    static func render(_ summary: RunSummary) -> String {
        var lines = ["# soundlink-recon summary", ""]
        let settings = summary.settings
        lines.append("- Version: \(RunSummary.toolVersion)")
        lines.append("- Period: \(settings.period.description)")
        lines.append("- Engagement context: \(settings.engagementContext?.rawValue ?? "all")")
        lines.append("- Result: \(summary.passed ? "every enabled gate passed" : "a gate FAILED")")
        lines += ["", "## Inputs", "",
                  "| source | files | lines | blank | rejected | superseded | out of period | filtered | kept | provisional |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for (name, counts, files) in [("breakdown", summary.breakdown, summary.breakdownFiles),
                                      ("engagement", summary.engagement, summary.engagementFiles)] {
            lines.append("| \(name) | \(files.count) | \(counts.lines) | \(counts.blank) | \(counts.rejected) | "
                + "\(counts.superseded) | \(counts.outOfPeriod) | \(counts.filtered) | \(counts.kept) | \(counts.provisional) |")
        }
        lines += notices(summary)
        lines += ["", "## Catalogs", "", "| catalog | path | entries | usable | issues |", "|---|---|---:|---:|---:|"]
        for file in summary.catalogFiles {
            lines.append("| \(file.name) | \(file.path) | \(file.entries) | \(file.usableEntries) | \(file.issues) |")
        }
        let kinds = summary.catalogIssuesByKind.filter { $0.1 > 0 }.map { "\($0.0.rawValue) \($0.1)" }
        lines += ["", "Issues by kind: \(kinds.isEmpty ? "none" : kinds.joined(separator: ", "))."]
        lines += ["", "## Matching (rows)", "",
                  "| source | side | " + MatchCounts.outcomes.joined(separator: " | ") + " |",
                  "|---|---|" + String(repeating: "---:|", count: MatchCounts.outcomes.count)]
        for (source, side, counts) in [("breakdown", "target", summary.breakdownTargets),
                                       ("engagement", "target", summary.engagementTargets),
                                       ("engagement", "engaged", summary.engagementEngaged)] {
            lines.append("| \(source) | \(side) | " + MatchCounts.outcomes.map { String(counts[$0]) }.joined(separator: " | ") + " |")
        }
        lines += ["", "## Money (breakdown)", "",
                  "| currency | spend_media | fees | spend_total | unmatched share |", "|---|---:|---:|---:|---:|"]
        for (code, totals) in summary.currencies {
            lines.append("| \(code) | \(totals.spendMedia) | \(totals.fees) | \(totals.spendTotal) | \(totals.unmatchedRate) |")
        }
        lines += ["", "Streams: breakdown \(summary.breakdownStreams), engagement \(summary.engagementStreams).",
                  "",
                  "`peak_daily_listeners` in tracks.csv is the largest one-day sum of listeners over a track's rows:",
                  "an upper bound of that day's unique listeners (a person in two countries counts twice).",
                  "Listeners are never summed across days.",
                  "", "## Tie-out", ""]
        for check in summary.tieOut { lines.append("- \(check.name): \(check.held ? "holds" : "DOES NOT HOLD")") }
        lines += close(summary)
        lines += ["", "## Gates", "", "| gate | threshold | value | result |", "|---|---:|---:|---|"]
        for gate in summary.gates {
            let result = gate.enabled ? (gate.passed ? "pass" : "FAIL") : "not enabled"
            lines.append("| \(gate.name) | \(gate.threshold ?? "–") | \(gate.value) | \(result) |")
        }
        if let gate = summary.gates.first(where: { $0.name == "nothing_kept" }), !gate.passed {
            lines += ["", "nothing_kept failed: " + SummaryNotices.emptyReasons(summary).joined(separator: "; ") + "."]
        }
        lines += provisional(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The month-end close checks: the overview tie-out, row checks and input fingerprints.
    private static func close(_ summary: RunSummary) -> [String] {
        var lines = ["", "## Month-end close", ""]
        if let counts = summary.overviewTieOut {
            lines.append("Overview tie-out (reconciliation.csv): \(counts.files) overview files, \(counts.windows) windows "
                + "compared, \(counts.windowsSkipped) outside the period skipped; \(counts.lines) lines: \(counts.ok) ok, "
                + "\(counts.notReported) not reported, \(counts.mismatches) mismatches.")
            for line in summary.tieOutLines where line.status == .mismatch {
                lines.append("- MISMATCH \(line.campaignID) \(line.start)..\(line.end) \(line.measure.rawValue): overview "
                    + "\(line.overview.map(line.printed) ?? "") − exports \(line.printed(line.exports)) = "
                    + "\(line.difference.map(line.printed) ?? "")")
            }
        } else {
            lines.append("Overview tie-out: no --overview given.")
        }
        lines += ["", "Row checks (row_checks.csv): \(summary.rowChecks) breakdown rows whose spend_total differs from "
            + "spend_media + fees by more than 0.01.", "", "| input | path | bytes | sha256 |", "|---|---|---:|---|"]
        for file in summary.inputFiles {
            lines.append("| \(file.kind) | \(file.path) | \(file.bytes) | \(file.sha256) |")
        }
        return lines
    }

    private static func notices(_ summary: RunSummary) -> [String] {
        let notices = SummaryNotices.warnings(summary)
        return notices.isEmpty ? [] : [""] + notices.map { "- Warning: \($0)" }
    }

    /// Which days are still provisional, per campaign, and when a re-fetch gives final figures.
    private static func provisional(_ summary: RunSummary) -> [String] {
        guard !summary.provisionalCampaigns.isEmpty else { return [] }
        var lines = ["", "## Provisional days", "",
                     "Rows exported before report_date + 8 days may still be revised. Re-fetch these days on or",
                     "after the date in the last column, then run again.", "",
                     "| campaign | provisional days | final on |", "|---|---|---|"]
        for campaign in summary.provisionalCampaigns {
            lines.append("| \(campaign.campaignID) | \(campaign.daysText) | \(campaign.finalOn) |")
        }
        return lines
    }
}
