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

    /// Adds the rows of a territory line of this partner and currency.
    mutating func add(_ line: TerritoryTotals) {
        campaigns.formUnion(line.campaigns)
        rows += line.rows
        streams += line.streams
        followers += line.followers
        spendMedia.add(line.spendMedia)
        fees.add(line.fees)
        spendTotal.add(line.spendTotal)
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

    /// Adds the money of one day of this currency.
    mutating func add(_ day: DayTotals) {
        spendMedia.add(day.spendMedia)
        fees.add(day.fees)
        spendTotal.add(day.spendTotal)
        unmatchedSpendTotal.add(day.unmatchedSpendTotal)
    }
}
