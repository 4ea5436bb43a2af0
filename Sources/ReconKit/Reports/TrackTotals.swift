/// The grain of `tracks.csv`: context × engaged side × target side.
struct TrackKey: GrainKey {
    var context: TextID
    var engaged: SideKey
    var target: SideKey

    var grainHash: Int {
        var hash = RowKeyHash()
        hash.combine(context.index, 0)
        engaged.combine(into: &hash)
        target.combine(into: &hash)
        return hash.value
    }
}

/// Sums of engagement rows for one line of `tracks.csv`.
struct TrackTotals: Sendable {
    var campaigns = DistinctCount<TextID>()
    var countries = DistinctCount<TextID>()
    var rows = 0
    var streams: Int128 = 0
    var newListenerStreams: Int128 = 0
    var returningListenerStreams: Int128 = 0
    /// Listeners summed within each day only: never across days.
    var listeners = DailyListeners()
    var provisionalRows = 0

    var days: Int { listeners.days }

    /// The largest one-day sum of listeners (an upper bound of that day's unique listeners).
    var peakDailyListeners: Int128 { listeners.peak }

    mutating func add(_ row: EngagementRow, provisional: Bool) {
        campaigns.insert(row.header.campaignID)
        countries.insert(row.header.countryCode)
        rows += 1
        streams += row.streams.summable
        newListenerStreams += row.newListenerStreams.summable
        returningListenerStreams += row.returningListenerStreams.summable
        listeners.add(row.listeners.summable, on: row.header.reportDate)
        if provisional { provisionalRows += 1 }
    }

    /// These totals and those of other rows of the same line (listeners still summed per day).
    func merging(_ other: TrackTotals) -> TrackTotals {
        var sum = self
        sum.campaigns.formUnion(other.campaigns)
        sum.countries.formUnion(other.countries)
        sum.rows += other.rows
        sum.streams += other.streams
        sum.newListenerStreams += other.newListenerStreams
        sum.returningListenerStreams += other.returningListenerStreams
        sum.listeners.merge(other.listeners)
        sum.provisionalRows += other.provisionalRows
        return sum
    }
}
