#if canImport(Glibc)
import Glibc
#endif

/// Every documented field of both export schemas, so duplicates are caught
/// without string work; fields not listed here are ignored.
enum ExportField: Int, CaseIterable {
    case provider, accountID, schemaVersion, reportDate, reportDateTimezone, exportedAt
    case campaignID, campaignName, campaignTargetType, campaignTargetISRC
    case campaignTargetSpotifyTrackID, campaignTargetPlaylistID, countryCode
    case impressions, adClicks, linkClicks, streams, listeners, followers
    case spendMedia, fees, spendTotal, currency, currencyAccount
    case streamsPerListener, cpl, cpf, cpcLinkclick, ctrLinkclick, ctrAdclick, costPerResult, resultType
    case status, engagementContext, engagedTrackISRC, engagedSpotifyTrackID, engagedTrackName
    case playlistPosition, newListeners, returningListeners, newListenerStreams, returningListenerStreams, spl

    /// The field's name in the JSON line.
    var name: String {
        switch self {
        case .provider: "provider"
        case .accountID: "account_id"
        case .schemaVersion: "schema_version"
        case .reportDate: "report_date"
        case .reportDateTimezone: "report_date_timezone"
        case .exportedAt: "exported_at"
        case .campaignID: "campaign_id"
        case .campaignName: "campaign_name"
        case .campaignTargetType: "campaign_target_type"
        case .campaignTargetISRC: "campaign_target_isrc"
        case .campaignTargetSpotifyTrackID: "campaign_target_spotify_track_id"
        case .campaignTargetPlaylistID: "campaign_target_playlist_id"
        case .countryCode: "country_code"
        case .impressions: "impressions"
        case .adClicks: "ad_clicks"
        case .linkClicks: "link_clicks"
        case .streams: "streams"
        case .listeners: "listeners"
        case .followers: "followers"
        case .spendMedia: "spend_media"
        case .fees: "fees"
        case .spendTotal: "spend_total"
        case .currency: "currency"
        case .currencyAccount: "currency_account"
        case .streamsPerListener: "streams_per_listener"
        case .cpl: "cpl"
        case .cpf: "cpf"
        case .cpcLinkclick: "cpc_linkclick"
        case .ctrLinkclick: "ctr_linkclick"
        case .ctrAdclick: "ctr_adclick"
        case .costPerResult: "cost_per_result"
        case .resultType: "result_type"
        case .status: "status"
        case .engagementContext: "engagement_context"
        case .engagedTrackISRC: "engaged_track_isrc"
        case .engagedSpotifyTrackID: "engaged_spotify_track_id"
        case .engagedTrackName: "engaged_track_name"
        case .playlistPosition: "playlist_position"
        case .newListeners: "new_listeners"
        case .returningListeners: "returning_listeners"
        case .newListenerStreams: "new_listener_streams"
        case .returningListenerStreams: "returning_listener_streams"
        case .spl: "spl"
        }
    }

    /// Names grouped by byte length, for lookup without building strings.
    private static let byLength: [[(name: [UInt8], field: ExportField)]] = {
        var table = [[(name: [UInt8], field: ExportField)]](repeating: [], count: 40)
        for field in allCases { table[field.name.utf8.count].append((Array(field.name.utf8), field)) }
        return table
    }()

    /// The field named by `key`, or nil for an unknown field.
    static func lookup(_ key: UnsafeRawBufferPointer) -> ExportField? {
        guard key.count < byLength.count else { return nil }
        for candidate in byLength[key.count] where candidate.name.elementsEqual(key) { return candidate.field }
        return nil
    }
}
