/// Compares each overview with the de-duplicated breakdown rows of its campaign and window
/// (SPEC §10, §13 "Tie-out scope"): rows of any date count, not only the period's, and money
/// counts only in the overview's currency. Windows that do not overlap the period are skipped.
struct TieOut {
    private(set) var lines: [TieOutLine] = []
    private(set) var counts = TieOutCounts()

    init(overviews: [Overview], period: Period, rows: some Collection<BreakdownRow>, pool: StringPool) {
        counts.files = overviews.count
        let compared = overviews.enumerated().filter { $0.element.overlaps(period) }
        counts.windows = compared.count
        counts.windowsSkipped = overviews.count - compared.count
        var byCampaign: [TextID: [Int]] = [:]
        var currencies: [TextID] = []
        for (slot, overview) in compared.map(\.element).enumerated() {
            byCampaign[pool.intern(overview.campaignID), default: []].append(slot)
            currencies.append(overview.currency.map { pool.intern($0) } ?? TextID.absent)
        }
        let measures = TieOutMeasure.allCases
        var sums = [[Int128]](repeating: [Int128](repeating: 0, count: measures.count), count: compared.count)
        for row in rows {
            guard let slots = byCampaign[row.header.campaignID] else { continue }
            for slot in slots where compared[slot].element.contains(row.header.reportDate) {
                let sameCurrency = currencies[slot] != TextID.absent && currencies[slot] == row.currency
                for (index, measure) in measures.enumerated() where !measure.isMoney || sameCurrency {
                    sums[slot][index] += Self.value(row, measure)
                }
            }
        }
        let order = compared.indices.sorted { lhs, rhs in
            let (left, right) = (compared[lhs].element, compared[rhs].element)
            // As printed (SPEC §13): a campaign id that starts like a formula sorts with its `'`.
            let (leftID, rightID) = (FormulaGuard.printed(left.campaignID), FormulaGuard.printed(right.campaignID))
            if leftID != rightID { return leftID.utf8.lexicographicallyPrecedes(rightID.utf8) }
            if left.start != right.start { return left.start < right.start }
            if left.end != right.end { return left.end < right.end }
            return compared[lhs].offset < compared[rhs].offset
        }
        for slot in order {
            let overview = compared[slot].element
            for (index, measure) in measures.enumerated() {
                let line = TieOutLine(campaignID: overview.campaignID, start: overview.start, end: overview.end,
                                      measure: measure, overview: overview.values[measure], exports: sums[slot][index])
                lines.append(line)
                switch line.status {
                case .ok: counts.ok += 1
                case .notReported: counts.notReported += 1
                case .mismatch: counts.mismatches += 1
                }
            }
        }
        counts.lines = lines.count
    }

    /// A row's contribution to a measure: counts ("not reported" adds 0) or money in micro-units.
    private static func value(_ row: BreakdownRow, _ measure: TieOutMeasure) -> Int128 {
        switch measure {
        case .streams: row.streams.summable
        case .listeners: row.listeners.summable
        case .followers: row.followers.summable
        case .impressions: row.impressions.summable
        case .adClicks: row.adClicks.summable
        case .linkClicks: row.linkClicks.summable
        case .spendMedia: Int128(row.spendMedia.micros)
        case .fees: Int128(row.fees.micros)
        case .spendTotal: Int128(row.spendTotal.micros)
        }
    }

    /// `reconciliation.csv` as printed: campaign ids are input text, protected against formula evaluation.
    func report(pool: StringPool) -> ReportLines {
        ReportLines(columns: TieOutLine.columns, lines: lines, pool: pool) { $0.fields }
    }
}
