/// The grain of `territories.csv`: target side × country × currency.
struct TerritoryKey: Hashable {
    var target: SideKey
    var countryCode: UInt32
    var currency: UInt32
}

/// Sums of breakdown rows for one line of `territories.csv`.
struct TerritoryTotals {
    var campaigns = Set<UInt32>()
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
        impressions += Int128(row.impressions ?? 0)
        adClicks += Int128(row.adClicks ?? 0)
        linkClicks += Int128(row.linkClicks ?? 0)
        streams += Int128(row.streams ?? 0)
        listeners += Int128(row.listeners ?? 0)
        followers += Int128(row.followers ?? 0)
        spendMedia.add(row.spendMedia)
        fees.add(row.fees)
        spendTotal.add(row.spendTotal)
        if provisional { provisionalRows += 1 }
    }
}
