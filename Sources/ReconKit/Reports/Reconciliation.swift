/// Applies the period and context filters to de-duplicated rows, matches them
/// and aggregates every report grain.
struct Reconciliation: Sendable {
    var territories = GrainTable<TerritoryKey, TerritoryTotals>()
    var tracks = GrainTable<TrackKey, TrackTotals>()
    /// The lines of `partners.csv`: sums of the territory lines (`sumUp`).
    private(set) var partners: [PartnerKey: PartnerTotals] = [:]
    /// The money per currency: sums of `daily` (`sumUp`), which every kept breakdown row adds to,
    /// apart from the territory lines that the tie-out checks against it.
    private(set) var currencies: [TextID: CurrencyTotals] = [:]
    var unmatched: [UnmatchedLine] = []
    /// Breakdown money and streams per currency and day.
    var daily: [TextID: [CalendarDay: DayTotals]] = [:]
    var breakdownStreams: Int128 = 0
    var engagementStreams: Int128 = 0
    var breakdownTargets = MatchCounts()
    var engagementTargets = MatchCounts()
    var engagementEngaged = MatchCounts()
    /// (campaign, day) of every provisional kept row, both sources.
    var provisionalDays = Set<CampaignDay>()

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

    mutating func addBreakdown(_ rows: ChunkedRows<BreakdownRow>, counts: inout SourceCounts) {
        resolve(rows)
        addBreakdown(rows, positions: rows.indices, lookups: matcher.lookups, counts: &counts)
        sumUp()
    }

    /// Resolves every identifier of `rows` in the matcher, so that its lookups can match them.
    private func resolve(_ rows: ChunkedRows<BreakdownRow>) {
        for row in rows { matcher.resolve(row.header.target) }
    }

    /// Matches and aggregates rows `positions` of `rows`, whose identifiers `lookups` has resolved.
    private mutating func addBreakdown(
        _ rows: ChunkedRows<BreakdownRow>, positions: Range<Int>, lookups: MatchLookups, counts: inout SourceCounts
    ) {
        for position in positions {
            let row = rows[position]
            guard let provisional = admit(row.header, counts: &counts) else { continue }
            if provisional { provisionalDays.insert(CampaignDay(campaign: row.header.campaignID, day: row.header.reportDate)) }
            let target = row.header.target
            let result = lookups.match(target)
            breakdownTargets.add(result)
            let side = lookups.sideKey(result, isrc: target.isrc, spotifyTrackID: target.spotifyTrackID,
                                       playlistID: target.playlistID)
            territories[TerritoryKey(target: side, countryCode: row.header.countryCode, currency: row.currency),
                        default: TerritoryTotals()].add(row, provisional: provisional)
            if case let .unmatched(reason) = result, collectsUnmatched {
                unmatched.append(UnmatchedLine(source: .breakdown, side: .target, reason: reason, row: UInt32(position)))
            }
            breakdownStreams += row.streams.summable
            daily[row.currency, default: [:]][row.header.reportDate, default: DayTotals()]
                .add(row, unmatched: result.isUnmatched)
        }
    }

    /// Sums the partner lines and the money per currency, once the rows are aggregated.
    ///
    /// Every kept breakdown row went to exactly one territory line, whose target side says its
    /// partner bucket and whose key holds its currency: a partner line is the sum of its
    /// territory lines (campaigns as the union of theirs), which spares every row a lookup.
    /// The money per currency comes from `daily` instead, so that the tie-out compares the
    /// territory and partner lines with sums made apart from them.
    private mutating func sumUp() {
        partners = [:]
        for (key, totals) in territories {
            partners[partnerKey(key.target.result, currency: key.currency), default: PartnerTotals()].add(totals)
        }
        currencies = [:]
        for (currency, days) in daily {
            for day in days.values { currencies[currency, default: CurrencyTotals()].add(day) }
        }
    }

    private func partnerKey(_ result: MatchResult, currency: TextID) -> PartnerKey {
        switch result {
        case let .matched(entry, _):
            PartnerKey(bucket: "matched", partner: matcher.catalogs.entries[Int(entry)].partner, currency: currency)
        case .unmatched: PartnerKey(bucket: "unmatched", partner: "", currency: currency)
        case .playlist: PartnerKey(bucket: "playlist", partner: "", currency: currency)
        }
    }

    mutating func addEngagement(_ rows: ChunkedRows<EngagementRow>, context: TextID?, counts: inout SourceCounts) {
        resolve(rows)
        addEngagement(rows, positions: rows.indices, lookups: matcher.lookups, context: context, counts: &counts)
    }

    /// Resolves every identifier of `rows` in the matcher, so that its lookups can match them.
    private func resolve(_ rows: ChunkedRows<EngagementRow>) {
        for row in rows {
            matcher.resolve(row.header.target)
            matcher.resolve(isrc: row.engagedISRC, spotifyTrackID: row.engagedSpotifyTrackID)
        }
    }

    /// Matches and aggregates rows `positions` of `rows`, whose identifiers `lookups` has resolved.
    private mutating func addEngagement(
        _ rows: ChunkedRows<EngagementRow>, positions: Range<Int>, lookups: MatchLookups, context: TextID?,
        counts: inout SourceCounts
    ) {
        for position in positions {
            let row = rows[position]
            let filteredOut = context.map { row.context != $0 } ?? false
            guard let provisional = admit(row.header, filteredOut: filteredOut, counts: &counts) else { continue }
            if provisional { provisionalDays.insert(CampaignDay(campaign: row.header.campaignID, day: row.header.reportDate)) }
            let target = row.header.target
            let targetResult = lookups.match(target)
            let engagedResult = lookups.match(isrc: row.engagedISRC, spotifyTrackID: row.engagedSpotifyTrackID)
            engagementTargets.add(targetResult)
            engagementEngaged.add(engagedResult)
            let key = TrackKey(
                context: row.context,
                engaged: lookups.sideKey(engagedResult, isrc: row.engagedISRC, spotifyTrackID: row.engagedSpotifyTrackID),
                target: lookups.sideKey(targetResult, isrc: target.isrc, spotifyTrackID: target.spotifyTrackID,
                                        playlistID: target.playlistID))
            tracks[key, default: TrackTotals()].add(row, provisional: provisional)
            engagementStreams += row.streams.summable
            if case let .unmatched(reason) = targetResult, collectsUnmatched {
                unmatched.append(UnmatchedLine(source: .engagement, side: .target, reason: reason, row: UInt32(position)))
            }
            if case let .unmatched(reason) = engagedResult, collectsUnmatched {
                unmatched.append(UnmatchedLine(source: .engagement, side: .engaged, reason: reason, row: UInt32(position)))
            }
        }
    }

    /// Both sources at once, the rows split in two halves aggregated on two threads and merged.
    /// The totals equal `addBreakdown` then `addEngagement` (the unmatched lines come in another
    /// order; `unmatched.csv` sorts them).
    mutating func add(
        breakdown: ChunkedRows<BreakdownRow>, engagement: ChunkedRows<EngagementRow>, context: TextID?,
        breakdownCounts: inout SourceCounts, engagementCounts: inout SourceCounts, threads: Int
    ) {
        guard threads > 1 else {
            addBreakdown(breakdown, counts: &breakdownCounts)
            addEngagement(engagement, context: context, counts: &engagementCounts)
            return
        }
        resolve(breakdown)
        resolve(engagement)
        let lookups = matcher.lookups
        let (breakdownHalf, engagementHalf) = (breakdown.count / 2, engagement.count / 2)
        let empty = Reconciliation(matcher: matcher, period: period, collectsUnmatched: collectsUnmatched)
        let secondHalf = BackgroundJob {
            var part = empty
            var counts = (SourceCounts(), SourceCounts())
            part.addBreakdown(breakdown, positions: breakdownHalf..<breakdown.count, lookups: lookups, counts: &counts.0)
            part.addEngagement(engagement, positions: engagementHalf..<engagement.count, lookups: lookups,
                               context: context, counts: &counts.1)
            return (part, counts.0, counts.1)
        }
        addBreakdown(breakdown, positions: 0..<breakdownHalf, lookups: lookups, counts: &breakdownCounts)
        addEngagement(engagement, positions: 0..<engagementHalf, lookups: lookups, context: context,
                      counts: &engagementCounts)
        // The job cannot throw.
        let (part, partBreakdownCounts, partEngagementCounts) = try! secondHalf.result()
        merge(part)
        sumUp()
        breakdownCounts.addAdmissions(partBreakdownCounts)
        engagementCounts.addAdmissions(partEngagementCounts)
    }

    /// Adds the totals of another part of the same rows.
    private mutating func merge(_ other: Reconciliation) {
        territories.merge(other.territories) { $0.merging($1) }
        tracks.merge(other.tracks) { $0.merging($1) }
        unmatched += other.unmatched
        daily.merge(other.daily) { mine, theirs in mine.merging(theirs) { $0.merging($1) } }
        breakdownStreams += other.breakdownStreams
        engagementStreams += other.engagementStreams
        breakdownTargets.add(other.breakdownTargets)
        engagementTargets.add(other.engagementTargets)
        engagementEngaged.add(other.engagementEngaged)
        provisionalDays.formUnion(other.provisionalDays)
    }
}

/// A campaign's report date, with the campaign as an interned id.
struct CampaignDay: Hashable, Sendable {
    let campaign: TextID
    let day: CalendarDay
}
