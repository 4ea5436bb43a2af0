/// One `campaign_engagement_daily` row (day × campaign × context × country × engaged track).
struct EngagementRow: ExportRow {
    /// `(provider, account_id, report_date, campaign_id, engagement_context, country_code, engaged_spotify_track_id)`.
    struct Key: RowKey {
        var provider: TextID
        var accountID: TextID
        var reportDate: CalendarDay
        var campaignID: TextID
        var context: TextID
        var countryCode: TextID
        var engagedSpotifyTrackID: TextID

        var slotHash: Int {
            var hash = RowKeyHash()
            hash.combine(provider, accountID)
            hash.combine(UInt32(bitPattern: reportDate.daysSinceEpoch), campaignID.index)
            hash.combine(context, countryCode)
            hash.combine(engagedSpotifyTrackID, .absent)
            return hash.value
        }
    }

    typealias Packing = EngagementPacking

    var header: RowHeader
    var context: TextID
    var engagedISRC: TextID
    var engagedSpotifyTrackID: TextID
    var engagedTrackName: TextID
    /// `Count.notReported` for JSON null: kept apart from 0.
    var streams: Count
    var listeners: Count
    var newListeners: Count
    var returningListeners: Count
    var newListenerStreams: Count
    var returningListenerStreams: Count

    var key: Key {
        Key(provider: header.provider, accountID: header.accountID, reportDate: header.reportDate,
            campaignID: header.campaignID, context: context, countryCode: header.countryCode,
            engagedSpotifyTrackID: engagedSpotifyTrackID)
    }

    mutating func remap(_ translate: (TextID) -> TextID) {
        header.remap(translate)
        context = translate(context)
        engagedISRC = translate(engagedISRC)
        engagedSpotifyTrackID = translate(engagedSpotifyTrackID)
        engagedTrackName = translate(engagedTrackName)
    }

    func reportsSameValues(as other: EngagementRow) -> Bool {
        header.reportsSameValues(as: other.header) && engagedISRC == other.engagedISRC
            && engagedTrackName == other.engagedTrackName && streams == other.streams && listeners == other.listeners
            && newListeners == other.newListeners && returningListeners == other.returningListeners
            && newListenerStreams == other.newListenerStreams && returningListenerStreams == other.returningListenerStreams
    }

    static let keyFields: [ExportField] = [
        .provider, .accountID, .reportDate, .campaignID, .engagementContext, .countryCode, .engagedSpotifyTrackID,
    ]

    init(
        header: RowHeader, context: TextID, engagedISRC: TextID, engagedSpotifyTrackID: TextID, engagedTrackName: TextID,
        streams: Count, listeners: Count, newListeners: Count, returningListeners: Count, newListenerStreams: Count,
        returningListenerStreams: Count
    ) {
        self.header = header
        self.context = context
        self.engagedISRC = engagedISRC
        self.engagedSpotifyTrackID = engagedSpotifyTrackID
        self.engagedTrackName = engagedTrackName
        self.streams = streams
        self.listeners = listeners
        self.newListeners = newListeners
        self.returningListeners = returningListeners
        self.newListenerStreams = newListenerStreams
        self.returningListenerStreams = returningListenerStreams
    }

    init(_ parser: ExportLineParser, origin: RowOrigin) throws(RowProblem) {
        header = try RowHeader(parser, keyFields: Self.keyFields, origin: origin)
        context = try parser.key(.engagementContext)
        engagedSpotifyTrackID = try parser.key(.engagedSpotifyTrackID)
        streams = try parser.count(.streams)
        listeners = try parser.count(.listeners)
        newListeners = try parser.count(.newListeners)
        returningListeners = try parser.count(.returningListeners)
        newListenerStreams = try parser.count(.newListenerStreams)
        returningListenerStreams = try parser.count(.returningListenerStreams)
        engagedISRC = try parser.string(.engagedTrackISRC)
        engagedTrackName = try parser.freeText(.engagedTrackName)
    }
}
