/// `--allocate-playlist-spend` (SPEC §12–§13): each kept playlist-campaign breakdown row's money
/// split over the kept `playlist`-context engagement rows of its cell, in proportion to streams.
struct PlaylistAllocation {
    /// A breakdown row's cell: `(provider, account_id, campaign_id, report_date, country_code)`.
    struct Cell: Hashable {
        var provider: TextID, accountID: TextID, campaignID: TextID, reportDate: CalendarDay, countryCode: TextID

        init(_ header: RowHeader) {
            (provider, accountID, campaignID) = (header.provider, header.accountID, header.campaignID)
            (reportDate, countryCode) = (header.reportDate, header.countryCode)
        }
    }

    /// The grain of `playlist_allocation.csv`; `engaged` nil is the campaign's unallocated line.
    struct LineKey: Hashable {
        var campaignID: TextID
        var currency: TextID
        var engaged: SideKey?
    }

    /// Money and the engagement rows (with streams) behind one line.
    struct Line {
        var spendMedia = MoneyTotal(), fees = MoneyTotal(), spendTotal = MoneyTotal()
        var streams: Int128 = 0
        var days = Set<CalendarDay>()
        var countries = Set<TextID>()
    }

    /// Money given to one partner (empty for unmatched engaged tracks) in one currency.
    struct PartnerShare: Hashable {
        var partner: String
        var currency: TextID
    }

    private(set) var lines: [LineKey: Line] = [:]
    /// `playlist_allocated` money per partner; `campaigns` holds those that gave a nonzero share.
    private(set) var partners: [PartnerShare: PartnerTotals] = [:]
    /// Money moved out of the `playlist` bucket, per currency.
    private(set) var allocated: [TextID: PartnerTotals] = [:]

    /// Allocates every kept playlist-campaign breakdown row; `context` is `--engagement-context`.
    init(_ reconciliation: Reconciliation, breakdown: some Collection<BreakdownRow>,
         engagement: ChunkedRows<EngagementRow>, context: TextID?) {
        let matcher = reconciliation.matcher
        let period = reconciliation.period
        let playlist = matcher.pool.intern("playlist")
        // Positions, not copies: a month can hold millions of playlist rows.
        var cells: [Cell: [Int]] = [:]
        for (position, row) in zip(engagement.indices, engagement) where row.context == playlist
            && (context ?? playlist) == playlist && period.contains(row.header.reportDate) {
            cells[Cell(row.header), default: []].append(position)
        }
        for row in breakdown where row.header.target.isPlaylist && period.contains(row.header.reportDate) {
            let candidates = (cells[Cell(row.header)] ?? []).map { engagement[$0] }.sorted { lhs, rhs in
                let order = matcher.pool.compare(lhs.engagedSpotifyTrackID, rhs.engagedSpotifyTrackID)
                if order != 0 { return order < 0 }
                return (lhs.header.origin.file, lhs.header.origin.line) < (rhs.header.origin.file, rhs.header.origin.line)
            }
            allocate(row, over: candidates, matcher: matcher)
        }
    }

    private mutating func allocate(_ row: BreakdownRow, over engaged: [EngagementRow], matcher: Matcher) {
        let campaign = row.header.campaignID
        let weights = engaged.map { Int64($0.streams.summable) }
        guard let media = LargestRemainder.split(row.spendMedia.micros, weights: weights),
              let fees = LargestRemainder.split(row.fees.micros, weights: weights),
              let total = LargestRemainder.split(row.spendTotal.micros, weights: weights)
        else {
            lines[LineKey(campaignID: campaign, currency: row.currency), default: Line()].add(row)
            return
        }
        allocated[row.currency, default: PartnerTotals()].addMoney(row.spendMedia, row.fees, row.spendTotal)
        for (index, engagement) in engaged.enumerated() where weights[index] > 0 {
            let result = matcher.match(isrc: engagement.engagedISRC, spotifyTrackID: engagement.engagedSpotifyTrackID)
            let side = matcher.sideKey(result, isrc: engagement.engagedISRC, spotifyTrackID: engagement.engagedSpotifyTrackID)
            let shares = (Money(micros: media[index]), Money(micros: fees[index]), Money(micros: total[index]))
            lines[LineKey(campaignID: campaign, currency: row.currency, engaged: side), default: Line()]
                .add(engagement, shares)
            let partner: String = if case let .matched(entry, _) = result {
                matcher.catalogs.entries[Int(entry)].partner
            } else { "" }
            var totals = partners[PartnerShare(partner: partner, currency: row.currency), default: PartnerTotals()]
            totals.addMoney(shares.0, shares.1, shares.2)
            if media[index] != 0 || fees[index] != 0 || total[index] != 0 { totals.campaigns.insert(campaign) }
            partners[PartnerShare(partner: partner, currency: row.currency)] = totals
        }
    }
}

extension PlaylistAllocation.Line {
    /// An unallocated breakdown row's money.
    mutating func add(_ row: BreakdownRow) {
        spendMedia.add(row.spendMedia)
        fees.add(row.fees)
        spendTotal.add(row.spendTotal)
    }

    /// One engagement row's shares and streams.
    mutating func add(_ row: EngagementRow, _ shares: (media: Money, fees: Money, total: Money)) {
        spendMedia.add(shares.media)
        fees.add(shares.fees)
        spendTotal.add(shares.total)
        streams += row.streams.summable
        days.insert(row.header.reportDate)
        countries.insert(row.header.countryCode)
    }
}

extension PartnerTotals {
    /// Adds money only (allocated lines carry no rows, streams or followers).
    mutating func addMoney(_ media: Money, _ fees: Money, _ total: Money) {
        spendMedia.add(media)
        self.fees.add(fees)
        spendTotal.add(total)
    }

    /// These totals with `other`'s money taken away (the `playlist` bucket's unallocated rest).
    func subtractingMoney(_ other: PartnerTotals) -> PartnerTotals {
        var rest = self
        rest.spendMedia = MoneyTotal(micros: spendMedia.micros - other.spendMedia.micros)
        rest.fees = MoneyTotal(micros: fees.micros - other.fees.micros)
        rest.spendTotal = MoneyTotal(micros: spendTotal.micros - other.spendTotal.micros)
        return rest
    }

    /// True when any money column is nonzero.
    var hasMoney: Bool { spendMedia.micros != 0 || fees.micros != 0 || spendTotal.micros != 0 }
}
