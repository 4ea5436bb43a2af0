/// The grain of `partners.csv`: bucket × partner × currency.
struct PartnerKey: Hashable {
    /// `matched`, `unmatched` or `playlist`.
    var bucket: String
    var partner: String
    var currency: TextID
}

/// Sums of breakdown rows for one line of the finance export.
struct PartnerTotals {
    var campaigns = Set<TextID>()
    var rows = 0
    var streams: Int128 = 0
    var followers: Int128 = 0
    var spendMedia = MoneyTotal()
    var fees = MoneyTotal()
    var spendTotal = MoneyTotal()

    mutating func add(_ row: BreakdownRow) {
        campaigns.insert(row.header.campaignID)
        rows += 1
        streams += row.streams.summable
        followers += row.followers.summable
        spendMedia.add(row.spendMedia)
        fees.add(row.fees)
        spendTotal.add(row.spendTotal)
    }
}

/// Money totals of one currency.
public struct CurrencyTotals: Sendable, Equatable {
    public var spendMedia = MoneyTotal()
    public var fees = MoneyTotal()
    public var spendTotal = MoneyTotal()
    /// `spend_total` of rows whose target is unmatched.
    public var unmatchedSpendTotal = MoneyTotal()

    /// Unmatched `spend_total` ÷ all `spend_total` (0 when the total is 0).
    public var unmatchedRate: Rate { Rate.of(unmatchedSpendTotal, spendTotal) }
}
