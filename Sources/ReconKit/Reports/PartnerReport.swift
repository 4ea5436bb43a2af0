/// Builds `partners.csv`, the finance export (SPEC §6).
enum PartnerReport {
    static let columns = [
        "bucket", "partner", "currency", "campaigns", "rows", "streams", "followers",
        "spend_media", "fees", "spend_total", "spend_share",
    ]
    static let grainCount = 3

    /// With an allocation, the `playlist` bucket keeps only the unallocated money and
    /// `playlist_allocated` lines carry the rest per engaged partner (SPEC §12).
    static func table(_ reconciliation: Reconciliation, allocation: PlaylistAllocation? = nil) -> ReportTable {
        let matcher = reconciliation.matcher
        var table = ReportTable(columns: columns)
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
        for (key, totals) in partners {
            let currencyTotal = reconciliation.currencies[key.currency]?.spendTotal ?? MoneyTotal()
            table.rows.append([
                key.bucket, key.partner, matcher.text(key.currency), String(totals.campaigns.count),
                String(totals.rows), String(totals.streams), String(totals.followers),
                totals.spendMedia.description, totals.fees.description, totals.spendTotal.description,
                Rate.of(totals.spendTotal, currencyTotal).description,
            ])
        }
        table.sortByGrain(grainCount)
        return table
    }
}
