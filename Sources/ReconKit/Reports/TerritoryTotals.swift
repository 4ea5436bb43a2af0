/// The grain of `territories.csv`: target side × country × currency.
struct TerritoryKey: Hashable {
    var target: SideKey
    var countryCode: TextID
    var currency: TextID
}

/// Sums of breakdown rows for one line of `territories.csv`.
struct TerritoryTotals {
    var campaigns = Set<TextID>()
    var days = Set<CalendarDay>()
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
}
