/// The grain of `partners.csv`: bucket × partner × currency.
struct PartnerKey: Hashable, Sendable {
    /// `matched`, `unmatched` or `playlist`.
    var bucket: String
    var partner: String
    var currency: TextID
}

/// Sums of breakdown rows for one line of the finance export.
struct PartnerTotals: Sendable {
    var campaigns = DistinctCount<TextID>()
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

    /// These totals and those of other rows of the same line.
    func merging(_ other: PartnerTotals) -> PartnerTotals {
        var sum = self
        sum.campaigns.formUnion(other.campaigns)
        sum.rows += other.rows
        sum.streams += other.streams
        sum.followers += other.followers
        sum.spendMedia.add(other.spendMedia)
        sum.fees.add(other.fees)
        sum.spendTotal.add(other.spendTotal)
        return sum
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

    /// Whether the exact unmatched share is at most `limit` (`unmatchedRate` is rounded for print).
    func unmatchedRate(isAtMost limit: Rate) -> Bool { Rate.ratio(unmatchedSpendTotal, spendTotal, isAtMost: limit) }

    /// These totals and those of other rows of the same currency.
    func merging(_ other: CurrencyTotals) -> CurrencyTotals {
        var sum = self
        sum.spendMedia.add(other.spendMedia)
        sum.fees.add(other.fees)
        sum.spendTotal.add(other.spendTotal)
        sum.unmatchedSpendTotal.add(other.unmatchedSpendTotal)
        return sum
    }
}
