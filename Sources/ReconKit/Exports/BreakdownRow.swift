/// One `campaign_country_daily` row (day × campaign × country).
struct BreakdownRow: ExportRow {
    /// `(provider, account_id, report_date, campaign_id, country_code)`.
    struct Key: RowKey {
        var provider: TextID
        var accountID: TextID
        var reportDate: CalendarDay
        var campaignID: TextID
        var countryCode: TextID

        var slotHash: Int {
            var hash = RowKeyHash()
            hash.combine(provider, accountID)
            hash.combine(UInt32(bitPattern: reportDate.daysSinceEpoch), campaignID.index)
            hash.combine(countryCode, .absent)
            return hash.value
        }
    }

    typealias Packing = UnpackedRows<BreakdownRow>

    var header: RowHeader
    /// `Count.notReported` for JSON null: kept apart from 0.
    var impressions: Count
    var adClicks: Count
    var linkClicks: Count
    var streams: Count
    var listeners: Count
    var followers: Count
    var spendMedia: Money
    var fees: Money
    var spendTotal: Money
    var currency: TextID

    var key: Key {
        Key(provider: header.provider, accountID: header.accountID, reportDate: header.reportDate,
            campaignID: header.campaignID, countryCode: header.countryCode)
    }

    mutating func remap(_ translate: (TextID) -> TextID) {
        header.remap(translate)
        currency = translate(currency)
    }

    func reportsSameValues(as other: BreakdownRow) -> Bool {
        header.reportsSameValues(as: other.header) && currency == other.currency
            && impressions == other.impressions && adClicks == other.adClicks && linkClicks == other.linkClicks
            && streams == other.streams && listeners == other.listeners && followers == other.followers
            && spendMedia == other.spendMedia && fees == other.fees && spendTotal == other.spendTotal
    }

    static let keyFields: [ExportField] = [.provider, .accountID, .reportDate, .campaignID, .countryCode]

    init(_ parser: ExportLineParser, origin: RowOrigin) throws(RowProblem) {
        header = try RowHeader(parser, keyFields: Self.keyFields, origin: origin)
        currency = try parser.currency()
        impressions = try parser.count(.impressions)
        adClicks = try parser.count(.adClicks)
        linkClicks = try parser.count(.linkClicks)
        streams = try parser.count(.streams)
        listeners = try parser.count(.listeners)
        followers = try parser.count(.followers)
        spendMedia = try parser.money(.spendMedia)
        fees = try parser.money(.fees)
        spendTotal = try parser.money(.spendTotal)
    }
}
