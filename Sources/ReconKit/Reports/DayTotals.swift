/// The money and streams of the kept breakdown rows of one currency and report day: the
/// HTML report's daily chart, and (summed) the money per currency that the tie-out checks
/// the territory and partner lines against.
struct DayTotals: Sendable {
    var spendMedia = MoneyTotal()
    var fees = MoneyTotal()
    var spendTotal = MoneyTotal()
    /// `spend_total` of rows whose target is unmatched.
    var unmatchedSpendTotal = MoneyTotal()
    var streams: Int128 = 0

    mutating func add(_ row: BreakdownRow, unmatched: Bool) {
        spendMedia.add(row.spendMedia)
        fees.add(row.fees)
        spendTotal.add(row.spendTotal)
        if unmatched { unmatchedSpendTotal.add(row.spendTotal) }
        streams += row.streams.summable
    }

    /// These totals and those of other rows of the same currency and day.
    func merging(_ other: DayTotals) -> DayTotals {
        var sum = self
        sum.spendMedia.add(other.spendMedia)
        sum.fees.add(other.fees)
        sum.spendTotal.add(other.spendTotal)
        sum.unmatchedSpendTotal.add(other.unmatchedSpendTotal)
        sum.streams += other.streams
        return sum
    }
}
