/// Where a row was read: an index into the run's file list, and the line.
///
/// Both share one 64-bit word (24 bits of file index, 40 of line number), so a row stays
/// as small as with 32-bit fields while line numbers go far past 2³²; the reader refuses
/// a file or a line number beyond these limits instead of wrapping.
struct RowOrigin: Hashable, Comparable {
    /// The largest line number a row can carry (about 1.1 × 10¹²).
    static let maxLine = (1 << 40) - 1
    /// The largest file index (about 16.7 million export files in one run).
    static let maxFile = (1 << 24) - 1
    private var bits: UInt64

    /// `file` ≤ `maxFile` and `line` ≤ `maxLine` (checked by the caller).
    init(file: Int, line: Int) {
        bits = UInt64(truncatingIfNeeded: file) << 40 | UInt64(truncatingIfNeeded: line) & UInt64(Self.maxLine)
    }

    var file: Int { Int(bits >> 40) }

    var line: Int {
        get { Int(bits & UInt64(Self.maxLine)) }
        set { self = RowOrigin(file: file, line: newValue) }
    }

    /// By file index, then line.
    static func < (lhs: RowOrigin, rhs: RowOrigin) -> Bool { lhs.bits < rhs.bits }
}

/// The campaign's promoted object, as interned raw identifiers.
struct CampaignTarget: Hashable {
    /// `campaign_target_type` is `playlist`.
    var isPlaylist: Bool
    var isrc: TextID
    var spotifyTrackID: TextID
    var playlistID: TextID
}

/// Fields shared by both export schemas.
///
/// Laid out for size (millions are kept): `exported_at` comes first and is stored
/// without an Optional's padding, so the header packs into 64 bytes.
struct RowHeader {
    private var exportedAtStorage: OptionalInstant
    var provider: TextID
    var accountID: TextID
    var campaignID: TextID
    var countryCode: TextID
    var reportDate: CalendarDay
    var campaignName: TextID
    var target: CampaignTarget
    var origin: RowOrigin

    /// Reads the shared fields, checking them in SPEC order.
    init(_ parser: ExportLineParser, keyFields: [ExportField], origin: RowOrigin) throws(RowProblem) {
        for field in keyFields { try parser.requireKey(field) }
        provider = try parser.key(.provider)
        accountID = try parser.key(.accountID)
        campaignID = try parser.key(.campaignID)
        countryCode = try parser.key(.countryCode)
        reportDate = try parser.reportDate()
        try parser.checkSchemaVersion()
        exportedAtStorage = OptionalInstant(try parser.exportedAt())
        campaignName = try parser.freeText(.campaignName)
        let targetType = try parser.string(.campaignTargetType)
        target = CampaignTarget(
            isPlaylist: targetType != TextID.absent && parser.pool.hasText(targetType, "playlist"),
            isrc: try parser.string(.campaignTargetISRC),
            spotifyTrackID: try parser.string(.campaignTargetSpotifyTrackID),
            playlistID: try parser.string(.campaignTargetPlaylistID))
        self.origin = origin
    }

    /// The fields as given (unpacking a kept row).
    init(
        exportedAt: Instant?, provider: TextID, accountID: TextID, campaignID: TextID, countryCode: TextID,
        reportDate: CalendarDay, campaignName: TextID, target: CampaignTarget, origin: RowOrigin
    ) {
        exportedAtStorage = OptionalInstant(exportedAt)
        (self.provider, self.accountID, self.campaignID, self.countryCode) = (provider, accountID, campaignID, countryCode)
        (self.reportDate, self.campaignName, self.target, self.origin) = (reportDate, campaignName, target, origin)
    }

    /// `exported_at`; nil when absent (null or "").
    var exportedAt: Instant? { exportedAtStorage.instant }

    mutating func remap(_ translate: (TextID) -> TextID) {
        provider = translate(provider)
        accountID = translate(accountID)
        campaignID = translate(campaignID)
        countryCode = translate(countryCode)
        campaignName = translate(campaignName)
        target.isrc = translate(target.isrc)
        target.spotifyTrackID = translate(target.spotifyTrackID)
        target.playlistID = translate(target.playlistID)
    }

    /// True when this version replaces `other`: a later `exported_at`, or a tie
    /// (this one was read last). An absent `exported_at` loses to a present one.
    func supersedes(_ other: RowHeader) -> Bool {
        switch (exportedAt, other.exportedAt) {
        case let (mine?, theirs?): mine >= theirs
        case (nil, _?): false
        case (_?, nil), (nil, nil): true
        }
    }

    /// The same campaign name and target (the key fields are equal when this is asked).
    func reportsSameValues(as other: RowHeader) -> Bool {
        campaignName == other.campaignName && target == other.target
    }

    /// Exported before `report_date + 8 days` 00:00 UTC, or with no `exported_at`.
    var isProvisional: Bool {
        guard let exportedAt else { return true }
        return exportedAt < Instant(startOf: reportDate.adding(days: 8))
    }
}
