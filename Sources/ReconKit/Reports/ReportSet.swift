/// The aggregate reports of a run as typed lines, built and sorted (`unmatched.csv` is
/// streamed by `UnmatchedReport`).
struct ReportSet {
    let territories: [TerritoryReport.Line]
    let tracks: [TrackReport.Line]
    let partners: [PartnerReport.Line]
    /// `playlist_allocation.csv`, with `--allocate-playlist-spend` only.
    let playlistAllocation: [PlaylistAllocationReport.Line]?
    let matcher: Matcher

    init(reconciliation: Reconciliation, allocation: PlaylistAllocation? = nil) {
        matcher = reconciliation.matcher
        territories = TerritoryReport.lines(reconciliation)
        tracks = TrackReport.lines(reconciliation)
        partners = PartnerReport.lines(reconciliation, allocation: allocation)
        playlistAllocation = allocation.map { PlaylistAllocationReport.lines($0, matcher: reconciliation.matcher) }
    }

    /// `territories.csv` as printed.
    var territoryReport: ReportLines { TerritoryReport.report(territories, matcher: matcher) }
    /// `tracks.csv` as printed.
    var trackReport: ReportLines { TrackReport.report(tracks, matcher: matcher) }
    /// `partners.csv` as printed.
    var partnerReport: ReportLines { PartnerReport.report(partners, pool: matcher.pool) }
    /// `playlist_allocation.csv` as printed, with an allocation only.
    var playlistAllocationReport: ReportLines? {
        playlistAllocation.map { PlaylistAllocationReport.report($0, matcher: matcher) }
    }

    /// The tie-out invariants of SPEC §6, recomputed from the report lines' totals.
    func tieOut(_ summary: RunSummary) -> [(name: String, held: Bool)] {
        let territorySums = sums(territories.lazy.map { ($0.key.currency, $0.totals.moneyColumns) })
        let partnerSums = sums(partners.lazy.map { ($0.key.currency, $0.totals.moneyColumns) })
        var territoriesHold = true
        var partnersHold = true
        for (code, totals) in summary.currencies {
            let expected = [totals.spendMedia, totals.fees, totals.spendTotal]
            territoriesHold = territoriesHold && (territorySums[code] ?? Self.zero) == expected
            partnersHold = partnersHold && (partnerSums[code] ?? Self.zero) == expected
        }
        let trackStreams = tracks.reduce(Int128(0)) { $0 + $1.totals.streams }
        return [
            ("territories_money_equals_kept_breakdown", territoriesHold),
            ("partners_money_equals_kept_breakdown", partnersHold),
            ("tracks_streams_equals_kept_engagement", trackStreams == summary.engagementStreams),
        ]
    }

    private static let zero = [MoneyTotal(), MoneyTotal(), MoneyTotal()]

    /// `spend_media`, `fees` and `spend_total` summed per currency code.
    private func sums(_ lines: some Sequence<(TextID, [MoneyTotal])>) -> [String: [MoneyTotal]] {
        var sums: [TextID: [MoneyTotal]] = [:]
        for (currency, money) in lines {
            var total = sums[currency] ?? Self.zero
            for index in total.indices { total[index].add(money[index]) }
            sums[currency] = total
        }
        return Dictionary(uniqueKeysWithValues: sums.map { (matcher.pool.string($0.key), $0.value) })
    }
}

extension TerritoryTotals {
    /// `spend_media`, `fees`, `spend_total`.
    var moneyColumns: [MoneyTotal] { [spendMedia, fees, spendTotal] }
}

extension PartnerTotals {
    /// `spend_media`, `fees`, `spend_total`.
    var moneyColumns: [MoneyTotal] { [spendMedia, fees, spendTotal] }
}
