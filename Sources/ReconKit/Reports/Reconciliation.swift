/// Applies the period and context filters to de-duplicated rows, matches them
/// and aggregates every report grain.
struct Reconciliation {
    var territories: [TerritoryKey: TerritoryTotals] = [:]
    var tracks: [TrackKey: TrackTotals] = [:]
    var partners: [PartnerKey: PartnerTotals] = [:]
    var unmatched: [UnmatchedLine] = []
    var currencies: [UInt32: CurrencyTotals] = [:]
    /// Breakdown spend_total and streams per currency and day (for the HTML report).
    var daily: [UInt32: [CalendarDay: (spend: MoneyTotal, streams: Int128)]] = [:]
    var breakdownStreams: Int128 = 0
    var engagementStreams: Int128 = 0
    var breakdownTargets = MatchCounts()
    var engagementTargets = MatchCounts()
    var engagementEngaged = MatchCounts()

    let matcher: Matcher
    let period: Period
    /// False for `validate`, which writes no `unmatched.csv`: the list can be millions of lines.
    let collectsUnmatched: Bool

    init(matcher: Matcher, period: Period, collectsUnmatched: Bool = true) {
        self.matcher = matcher
        self.period = period
        self.collectsUnmatched = collectsUnmatched
    }

    /// Counts a row as out of period, filtered or kept; for a kept row, whether it is provisional.
    private func admit(_ header: RowHeader, filteredOut: Bool = false, counts: inout SourceCounts) -> Bool? {
        guard period.contains(header.reportDate) else {
            counts.outOfPeriod += 1
            return nil
        }
        if filteredOut {
            counts.filtered += 1
            return nil
        }
        counts.kept += 1
        let provisional = header.isProvisional
        if provisional { counts.provisional += 1 }
        return provisional
    }

    mutating func addBreakdown(_ rows: some Sequence<BreakdownRow>, counts: inout SourceCounts) {
        for row in rows {
            guard let provisional = admit(row.header, counts: &counts) else { continue }
            let target = row.header.target
            let result = matcher.match(target)
            breakdownTargets.add(result)
            let side = matcher.sideKey(result, isrc: target.isrc, spotifyTrackID: target.spotifyTrackID,
                                       playlistID: target.playlistID)
            territories[TerritoryKey(target: side, countryCode: row.header.countryCode, currency: row.currency),
                        default: TerritoryTotals()].add(row, provisional: provisional)
            partners[partnerKey(result, currency: row.currency), default: PartnerTotals()].add(row)
            var currency = currencies[row.currency, default: CurrencyTotals()]
            currency.spendMedia.add(row.spendMedia)
            currency.fees.add(row.fees)
            currency.spendTotal.add(row.spendTotal)
            if case let .unmatched(reason) = result {
                currency.unmatchedSpendTotal.add(row.spendTotal)
                if collectsUnmatched { unmatched.append(UnmatchedLine(
                    source: .breakdown, side: .target, reason: reason, header: row.header,
                    isrcRaw: target.isrc, spotifyRaw: target.spotifyTrackID, streams: row.streams,
                    spendTotal: row.spendTotal, currency: row.currency)) }
            }
            currencies[row.currency] = currency
            breakdownStreams += row.streams.summable
            daily[row.currency, default: [:]][row.header.reportDate, default: (MoneyTotal(), 0)].spend.add(row.spendTotal)
            daily[row.currency, default: [:]][row.header.reportDate, default: (MoneyTotal(), 0)].streams +=
                row.streams.summable
        }
    }

    private func partnerKey(_ result: MatchResult, currency: UInt32) -> PartnerKey {
        switch result {
        case let .matched(entry, _):
            PartnerKey(bucket: "matched", partner: matcher.catalogs.entries[Int(entry)].partner, currency: currency)
        case .unmatched: PartnerKey(bucket: "unmatched", partner: "", currency: currency)
        case .playlist: PartnerKey(bucket: "playlist", partner: "", currency: currency)
        }
    }

    mutating func addEngagement(_ rows: some Sequence<EngagementRow>, context: UInt32?, counts: inout SourceCounts) {
        for row in rows {
            let filteredOut = context.map { row.context != $0 } ?? false
            guard let provisional = admit(row.header, filteredOut: filteredOut, counts: &counts) else { continue }
            let target = row.header.target
            let targetResult = matcher.match(target)
            let engagedResult = matcher.match(isrc: row.engagedISRC, spotifyTrackID: row.engagedSpotifyTrackID)
            engagementTargets.add(targetResult)
            engagementEngaged.add(engagedResult)
            let key = TrackKey(
                context: row.context,
                engaged: matcher.sideKey(engagedResult, isrc: row.engagedISRC, spotifyTrackID: row.engagedSpotifyTrackID),
                target: matcher.sideKey(targetResult, isrc: target.isrc, spotifyTrackID: target.spotifyTrackID,
                                        playlistID: target.playlistID))
            tracks[key, default: TrackTotals()].add(row, provisional: provisional)
            engagementStreams += row.streams.summable
            if case let .unmatched(reason) = targetResult, collectsUnmatched {
                unmatched.append(engagementLine(row, side: .target, reason: reason,
                                                isrc: target.isrc, spotify: target.spotifyTrackID))
            }
            if case let .unmatched(reason) = engagedResult, collectsUnmatched {
                unmatched.append(engagementLine(row, side: .engaged, reason: reason,
                                                isrc: row.engagedISRC, spotify: row.engagedSpotifyTrackID))
            }
        }
    }

    private func engagementLine(
        _ row: EngagementRow, side: UnmatchedLine.Side, reason: UnmatchedReason, isrc: UInt32, spotify: UInt32
    ) -> UnmatchedLine {
        UnmatchedLine(
            source: .engagement, side: side, reason: reason, header: row.header, context: row.context,
            isrcRaw: isrc, spotifyRaw: spotify, engagedTrackName: row.engagedTrackName, streams: row.streams)
    }
}
