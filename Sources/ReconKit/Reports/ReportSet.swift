/// The aggregate CSV reports of a run, built and sorted (`unmatched.csv` is streamed by `UnmatchedReport`).
struct ReportSet {
    let territories: ReportTable
    let tracks: ReportTable
    let partners: ReportTable
    /// `playlist_allocation.csv`, with `--allocate-playlist-spend` only.
    let playlistAllocation: ReportTable?

    init(reconciliation: Reconciliation, allocation: PlaylistAllocation? = nil) {
        territories = TerritoryReport.table(reconciliation)
        tracks = TrackReport.table(reconciliation)
        partners = PartnerReport.table(reconciliation, allocation: allocation)
        playlistAllocation = allocation.map { PlaylistAllocationReport.table($0, matcher: reconciliation.matcher) }
    }

    /// The tie-out invariants of SPEC §6, recomputed from the printed reports.
    func tieOut(_ summary: RunSummary) -> [(name: String, held: Bool)] {
        var territoriesHold = true
        var partnersHold = true
        for (code, totals) in summary.currencies {
            for (column, expected) in [("spend_media", totals.spendMedia), ("fees", totals.fees),
                                       ("spend_total", totals.spendTotal)] {
                territoriesHold = territoriesHold && Self.sum(territories, column, currency: code) == expected
                partnersHold = partnersHold && Self.sum(partners, column, currency: code) == expected
            }
        }
        let streamColumn = tracks.index(of: "streams")
        let trackStreams = tracks.rows.reduce(Int128(0)) { $0 + (Int128($1[streamColumn]) ?? 0) }
        return [
            ("territories_money_equals_kept_breakdown", territoriesHold),
            ("partners_money_equals_kept_breakdown", partnersHold),
            ("tracks_streams_equals_kept_engagement", trackStreams == summary.engagementStreams),
        ]
    }

    /// The sum of a printed money column over one currency's lines.
    private static func sum(_ table: ReportTable, _ column: String, currency: String) -> MoneyTotal {
        let valueIndex = table.index(of: column)
        let currencyIndex = table.index(of: "currency")
        var total = MoneyTotal()
        for row in table.rows where row[currencyIndex] == currency {
            // An unreadable cell leaves the sum short, so the tie-out fails rather than passes.
            if let amount = MoneyTotal.parse(row[valueIndex]) { total.add(amount) }
        }
        return total
    }
}
