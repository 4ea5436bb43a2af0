/// `partners.csv`, the finance export (SPEC §6): one typed line per bucket × partner × currency.
enum PartnerReport {
    static let columns = [
        "bucket", "partner", "currency", "campaigns", "rows", "streams", "followers",
        "spend_media", "fees", "spend_total", "spend_share",
    ]

    /// One line: its grain, its sums, and its share of the currency's `spend_total`.
    struct Line {
        let key: PartnerKey
        let totals: PartnerTotals
        let share: Rate
    }

    /// The lines sorted by the grain (bucket, partner, currency) as printed. With an allocation,
    /// the `playlist` bucket keeps only the unallocated money and `playlist_allocated` lines carry
    /// the rest per engaged partner (SPEC §12).
    static func lines(_ reconciliation: Reconciliation, allocation: PlaylistAllocation? = nil) -> [Line] {
        let pool = reconciliation.matcher.pool
        var partners = reconciliation.partners
        if let allocation {
            for (currency, moved) in allocation.allocated {
                let key = PartnerKey(bucket: "playlist", partner: "", currency: currency)
                partners[key] = partners[key]?.subtractingMoney(moved)
            }
            for (share, totals) in allocation.partners where totals.hasMoney {
                partners[PartnerKey(bucket: "playlist_allocated", partner: share.partner, currency: share.currency)] = totals
            }
        }
        let grains = PrintedRanks(partners.keys, guarded: [false, true, false]) { key in
            [key.bucket, key.partner, pool.string(key.currency)]
        }
        return partners.map { key, totals in
            let currencyTotal = reconciliation.currencies[key.currency]?.spendTotal ?? MoneyTotal()
            return (grains[key], Line(key: key, totals: totals, share: Rate.of(totals.spendTotal, currencyTotal)))
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The lines as printed.
    static func report(_ lines: [Line], pool: StringPool) -> ReportLines {
        ReportLines(columns: columns, lines: lines, pool: pool) { line in
            let (key, totals) = (line.key, line.totals)
            return [
                .text(key.bucket), .text(key.partner), .pooled(key.currency), .integer(totals.campaigns.count),
                .integer(totals.rows), .count(totals.streams), .count(totals.followers), .money(totals.spendMedia),
                .money(totals.fees), .money(totals.spendTotal), .share(line.share),
            ]
        }
    }
}
