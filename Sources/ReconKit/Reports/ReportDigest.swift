/// The figures `report.html` shows, computed once from the reconciliation and embedded in the page.
struct ReportDigest {
    struct Territory { var country: String; var spend: MoneyTotal; var streams: Int128 }
    struct Day { var date: String; var spend: MoneyTotal; var streams: Int128 }
    struct Track {
        var title: String, artist: String, partner: String, isrc: String, spotify: String
        var direct: Int128 = 0, spillover: Int128 = 0, playlist: Int128 = 0
        var total: Int128 { direct + spillover + playlist }

        /// Most streams first; ties are broken on every shown field, so that the order never depends on
        /// the order of a dictionary (one track can appear twice, e.g. matched by ISRC on some rows and by
        /// its Spotify id on others).
        static func ranksBefore(_ lhs: Track, _ rhs: Track) -> Bool {
            if lhs.total != rhs.total { return lhs.total > rhs.total }
            let left = [lhs.spotify, lhs.isrc, lhs.partner, lhs.title, lhs.artist]
            let right = [rhs.spotify, rhs.isrc, rhs.partner, rhs.title, rhs.artist]
            // On bytes: `String`'s `!=` would treat canonically equivalent texts (é as one or two
            // code points) as equal and leave their order to the dictionary.
            if !left.elementsEqual(right, by: { $0.utf8.elementsEqual($1.utf8) }) {
                return left.lexicographicallyPrecedes(right) { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            }
            return (lhs.direct, lhs.spillover, lhs.playlist) > (rhs.direct, rhs.spillover, rhs.playlist)
        }
    }
    struct CurrencyView {
        var code: String
        var topTerritories: [Territory]
        /// Every territory after the top 15, summed.
        var rest: Territory
        var days: [Day]
    }

    var currencies: [CurrencyView] = []
    /// The printed lines of `partners.csv`.
    var partners: [[String]] = []
    var topTracks: [Track] = []
    /// Unmatched breakdown lines with the most spend (the printed unmatched.csv rows).
    var topUnmatched: [[String]] = []

    static let topCount = 15

    /// Days a chart spans without filling gaps, beyond which only days with data are listed.
    static let longestCalendar = 3_660

    /// Every day of the period (zero days included); an open end stops at the first or last day
    /// with data in any currency.
    static func calendar(_ period: Period, dataDays: some Sequence<CalendarDay>) -> [CalendarDay] {
        let known = Set(dataDays)
        guard let first = period.from ?? known.min(), let last = period.to ?? known.max(), first <= last else { return [] }
        let span = Int(last.daysSinceEpoch - first.daysSinceEpoch) + 1
        guard span <= longestCalendar else { return known.filter(period.contains).sorted() }
        return (0..<Int32(span)).map { first.adding(days: $0) }
    }

    init(_ reconciliation: Reconciliation, partners: ReportLines) {
        self.partners = (0..<partners.count).map(partners.printed)
        let matcher = reconciliation.matcher
        for currency in reconciliation.currencies.keys.sorted(by: { matcher.text($0) < matcher.text($1) }) {
            var byCountry: [TextID: Territory] = [:]
            for (key, line) in reconciliation.territories where key.currency == currency {
                var territory = byCountry[key.countryCode] ?? Territory(country: matcher.text(key.countryCode), spend: MoneyTotal(), streams: 0)
                territory.spend.add(line.spendTotal)
                territory.streams += line.streams
                byCountry[key.countryCode] = territory
            }
            let ranked = byCountry.values.sorted {
                $0.spend.micros != $1.spend.micros ? $0.spend.micros > $1.spend.micros : $0.country < $1.country
            }
            var rest = Territory(country: "rest", spend: MoneyTotal(), streams: 0)
            for territory in ranked.dropFirst(Self.topCount) {
                rest.spend.add(territory.spend)
                rest.streams += territory.streams
            }
            let daily = reconciliation.daily[currency] ?? [:]
            let days = Self.calendar(reconciliation.period, dataDays: reconciliation.daily.values.flatMap(\.keys)).map {
                Day(date: $0.description, spend: daily[$0]?.spendTotal ?? MoneyTotal(), streams: daily[$0]?.streams ?? 0)
            }
            currencies.append(CurrencyView(code: matcher.text(currency), topTerritories: Array(ranked.prefix(Self.topCount)),
                                           rest: rest, days: days))
        }
        topTracks = Self.topTracks(reconciliation)
    }

    /// Sets the unmatched breakdown lines with the most spend (known once `unmatched.csv` is sorted).
    mutating func setTopUnmatched(_ lines: ReportLines) {
        topUnmatched = (0..<lines.count).map(lines.printed)
    }

    /// The engaged tracks with the most streams, in `Track.ranksBefore` order. Streams are summed per
    /// track on ids alone; only the tracks that can rank in the top (at least the `topCount`-th largest
    /// total) get their printed columns and the full comparison.
    private static func topTracks(_ reconciliation: Reconciliation) -> [Track] {
        let matcher = reconciliation.matcher
        var streams: [SideKey: (direct: Int128, spillover: Int128, playlist: Int128)] = [:]
        for (key, totals) in reconciliation.tracks {
            var sums = streams[key.engaged] ?? (0, 0, 0)
            if matcher.pool.hasText(key.context, "playlist") {
                sums.playlist += totals.streams
            } else if case let .matched(engaged, _) = key.engaged.result, case let .matched(target, _) = key.target.result,
                      engaged == target {
                sums.direct += totals.streams
            } else {
                sums.spillover += totals.streams
            }
            streams[key.engaged] = sums
        }
        let totals = streams.values.map { $0.direct + $0.spillover + $0.playlist }
        let cutoff = totals.count > topCount ? totals.sorted(by: >)[topCount - 1] : Int128.min
        let candidates = streams.compactMap { key, sums -> Track? in
            guard sums.direct + sums.spillover + sums.playlist >= cutoff else { return nil }
            let columns = matcher.columns(key)
            return Track(title: columns.title, artist: columns.artist, partner: columns.partner, isrc: columns.isrc,
                         spotify: columns.spotifyTrackID, direct: sums.direct, spillover: sums.spillover,
                         playlist: sums.playlist)
        }
        return Array(candidates.sorted(by: Track.ranksBefore).prefix(topCount))
    }
}
