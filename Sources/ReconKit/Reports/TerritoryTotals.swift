/// The grain of `territories.csv`: target side × country × currency.
struct TerritoryKey: GrainKey {
    var target: SideKey
    var countryCode: TextID
    var currency: TextID

    var grainHash: Int {
        var hash = RowKeyHash()
        target.combine(into: &hash)
        hash.combine(countryCode, currency)
        return hash.value
    }
}

/// Sums of breakdown rows for one line of `territories.csv`.
struct TerritoryTotals: Sendable {
    var campaigns = DistinctCount<TextID>()
    var days = DistinctCount<CalendarDay>()
    var rows = 0
    var impressions: Int128 = 0
    var adClicks: Int128 = 0
    var linkClicks: Int128 = 0
    var streams: Int128 = 0
    /// Summed across days and countries, like Soundlink's overview ("the sum of country rows").
    var listeners: Int128 = 0
    var followers: Int128 = 0
    var spendMedia = MoneyTotal()
    var fees = MoneyTotal()
    var spendTotal = MoneyTotal()
    var provisionalRows = 0

    mutating func add(_ row: BreakdownRow, provisional: Bool) {
        campaigns.insert(row.header.campaignID)
        days.insert(row.header.reportDate)
        rows += 1
        impressions += row.impressions.summable
        adClicks += row.adClicks.summable
        linkClicks += row.linkClicks.summable
        streams += row.streams.summable
        listeners += row.listeners.summable
        followers += row.followers.summable
        spendMedia.add(row.spendMedia)
        fees.add(row.fees)
        spendTotal.add(row.spendTotal)
        if provisional { provisionalRows += 1 }
    }

    /// These totals and those of other rows of the same line.
    func merging(_ other: TerritoryTotals) -> TerritoryTotals {
        var sum = self
        sum.campaigns.formUnion(other.campaigns)
        sum.days.formUnion(other.days)
        sum.rows += other.rows
        sum.impressions += other.impressions
        sum.adClicks += other.adClicks
        sum.linkClicks += other.linkClicks
        sum.streams += other.streams
        sum.listeners += other.listeners
        sum.followers += other.followers
        sum.spendMedia.add(other.spendMedia)
        sum.fees.add(other.fees)
        sum.spendTotal.add(other.spendTotal)
        sum.provisionalRows += other.provisionalRows
        return sum
    }
}
