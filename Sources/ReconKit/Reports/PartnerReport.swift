/// Builds `partners.csv`, the finance export (SPEC §6).
enum PartnerReport {
    static let columns = [
        "bucket", "partner", "currency", "campaigns", "rows", "streams", "followers",
        "spend_media", "fees", "spend_total", "spend_share",
    ]
    static let grainCount = 3

    static func table(_ reconciliation: Reconciliation) -> ReportTable {
        let matcher = reconciliation.matcher
        var table = ReportTable(columns: columns)
        for (key, totals) in reconciliation.partners {
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
