/// Kept engagement rows in 64 bytes each (`Packed`): the fields that repeat for every row of a
/// campaign version, and the engaged-track fields, are held once in tables and referred to
/// by position; counts take 32 bits each (`PackedCount`).
struct EngagementPacking: RowPacking {
    /// One kept engagement row.
    struct Packed: Sendable {
        /// 12 bytes, followed by the 4-byte date in the same 16.
        var exportedAt: OptionalInstant
        var reportDate: CalendarDay
        var origin: RowOrigin
        var countryCode: TextID
        /// Position in `campaigns`.
        var campaign: UInt32
        /// Position in `tracks`.
        var track: UInt32
        var streams: PackedCount
        var listeners: PackedCount
        var newListeners: PackedCount
        var returningListeners: PackedCount
        var newListenerStreams: PackedCount
        var returningListenerStreams: PackedCount
    }

    /// The fields of a row that stay the same for every row of one version of a campaign.
    struct CampaignVersion: DistinctValue {
        var provider: TextID
        var accountID: TextID
        var campaignID: TextID
        var campaignName: TextID
        var target: CampaignTarget

        var tableHash: Int {
            var hash = RowKeyHash()
            hash.combine(provider, accountID)
            hash.combine(campaignID, campaignName)
            hash.combine(target.isrc, target.spotifyTrackID)
            hash.combine(target.playlistID.index, target.isPlaylist ? 1 : 0)
            return hash.value
        }
    }

    /// The engagement context and engaged track of a row.
    struct EngagedTrack: DistinctValue {
        var context: TextID
        var isrc: TextID
        var spotifyTrackID: TextID
        var name: TextID

        var tableHash: Int {
            var hash = RowKeyHash()
            hash.combine(context, isrc)
            hash.combine(spotifyTrackID, name)
            return hash.value
        }
    }

    private var campaigns = DistinctValues<CampaignVersion>()
    private var tracks = DistinctValues<EngagedTrack>()
    private var large = LargeCounts()

    init() {}

    func write(to snapshot: SnapshotWriter) {
        snapshot.array(campaigns.values)
        snapshot.array(tracks.values)
        snapshot.array(large.values)
    }

    init(from snapshot: SnapshotReader) throws(SnapshotDamaged) {
        campaigns = DistinctValues(try snapshot.array())
        tracks = DistinctValues(try snapshot.array())
        large = LargeCounts(try snapshot.array())
    }

    mutating func pack(_ row: EngagementRow) -> Packed {
        let header = row.header
        return Packed(
            exportedAt: OptionalInstant(header.exportedAt), reportDate: header.reportDate, origin: header.origin,
            countryCode: header.countryCode,
            campaign: campaigns.position(of: CampaignVersion(
                provider: header.provider, accountID: header.accountID, campaignID: header.campaignID,
                campaignName: header.campaignName, target: header.target)),
            track: tracks.position(of: EngagedTrack(
                context: row.context, isrc: row.engagedISRC, spotifyTrackID: row.engagedSpotifyTrackID,
                name: row.engagedTrackName)),
            streams: PackedCount(row.streams, large: &large),
            listeners: PackedCount(row.listeners, large: &large),
            newListeners: PackedCount(row.newListeners, large: &large),
            returningListeners: PackedCount(row.returningListeners, large: &large),
            newListenerStreams: PackedCount(row.newListenerStreams, large: &large),
            returningListenerStreams: PackedCount(row.returningListenerStreams, large: &large))
    }

    func unpack(_ packed: Packed) -> EngagementRow {
        let campaign = campaigns[packed.campaign]
        let track = tracks[packed.track]
        return EngagementRow(
            header: RowHeader(
                exportedAt: packed.exportedAt.instant, provider: campaign.provider, accountID: campaign.accountID,
                campaignID: campaign.campaignID, countryCode: packed.countryCode, reportDate: packed.reportDate,
                campaignName: campaign.campaignName, target: campaign.target, origin: packed.origin),
            context: track.context, engagedISRC: track.isrc, engagedSpotifyTrackID: track.spotifyTrackID,
            engagedTrackName: track.name,
            streams: packed.streams.count(large), listeners: packed.listeners.count(large),
            newListeners: packed.newListeners.count(large), returningListeners: packed.returningListeners.count(large),
            newListenerStreams: packed.newListenerStreams.count(large),
            returningListenerStreams: packed.returningListenerStreams.count(large))
    }
}
