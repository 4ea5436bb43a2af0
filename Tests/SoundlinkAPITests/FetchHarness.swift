import FakeSoundlink
import Foundation
import ReconKit
@testable import SoundlinkAPI
import TestSupport

/// A fake API on loopback and a fresh fetch folder, per test.
struct FetchHarness {
    static let key = "sk_test_" + UUID().uuidString
    let server: FakeSoundlink
    let folder: String

    static func start(_ campaigns: [FakeCampaign] = FetchHarness.campaigns()) async throws -> FetchHarness {
        let server = FakeSoundlink(apiKey: key, campaigns: campaigns)
        try await server.start()
        let folder = NSTemporaryDirectory() + "fetch-test-" + UUID().uuidString
        return FetchHarness(server: server, folder: folder)
    }

    func settings(from: String = "2026-04-01", to: String = "2026-04-30", key: String = FetchHarness.key) -> FetchSettings {
        var settings = FetchSettings(outputFolder: folder, from: CalendarDay(from)!, to: CalendarDay(to)!, apiKey: APIKey(key)!)
        settings.baseURL = server.baseURL
        settings.backoffBase = 0.01
        settings.backoffCap = 0.05
        settings.defaultRetryAfter = 0.05
        settings.connectTimeout = 2
        settings.idleTimeout = 0.5
        return settings
    }

    func fetch(_ settings: FetchSettings) async throws -> FetchSummary {
        try await Fetcher(settings: settings, observer: SilentObserver()).run()
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Every file under the folder (relative path → bytes), manifest included.
    func files() -> [String: Data] { filesBelow(folder) }

    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: folder + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    func manifest() throws -> Manifest { try Manifest.load(folder: folder) }

    // MARK: data

    static func breakdownRow(_ campaign: String, _ date: String, _ country: String, exportedAt: String = "2026-05-20T03:00:00Z",
                             streams: Int = 10) -> String {
        #"{"provider":"soundlink","account_id":"acc","schema_version":"1.0","report_date":"\#(date)","exported_at":"\#(exportedAt)","campaign_id":"\#(campaign)","campaign_name":"Name, \"quoted\"","campaign_target_type":"track","campaign_target_isrc":"USAUR2500101","campaign_target_spotify_track_id":"4uLU6hMCjMI75M1A2tKUQC","campaign_target_playlist_id":null,"country_code":"\#(country)","impressions":100,"ad_clicks":null,"link_clicks":5,"streams":\#(streams),"listeners":7,"followers":1,"spend_media":4.20,"fees":1.05,"spend_total":5.25,"currency":"USD"}"#
    }

    static func engagementRow(_ campaign: String, _ date: String, _ context: String, _ track: String,
                              exportedAt: String = "2026-05-20T03:00:00Z") -> String {
        #"{"provider":"soundlink","account_id":"acc","schema_version":"1.0","report_date":"\#(date)","exported_at":"\#(exportedAt)","campaign_id":"\#(campaign)","campaign_target_type":"track","engagement_context":"\#(context)","country_code":"US","engaged_track_isrc":null,"engaged_spotify_track_id":"\#(track)","engaged_track_name":"Song","streams":3,"listeners":2,"new_listener_streams":2,"returning_listener_streams":1}"#
    }

    static func campaigns(exportedAt: String = "2026-05-20T03:00:00Z") -> [FakeCampaign] {
        ["camp-a", "camp-b"].map { id in
            FakeCampaign(
                id: id,
                breakdown: ["2026-03-31", "2026-04-01", "2026-04-15", "2026-04-30", "2026-05-01"].flatMap { date in
                    ["DE", "US"].map { breakdownRow(id, date, $0, exportedAt: exportedAt) }
                },
                engagement: ["2026-04-02", "2026-04-29"].flatMap { date in
                    [("catalog", "1111111111111111111111"), ("playlist", "2222222222222222222222")].map {
                        engagementRow(id, date, $0.0, $0.1, exportedAt: exportedAt)
                    }
                })
        }
    }

    /// What a breakdown export of April holds for a campaign of `campaigns()`.
    static func aprilBreakdown(_ id: String, exportedAt: String = "2026-05-20T03:00:00Z") -> String {
        ["2026-04-01", "2026-04-15", "2026-04-30"].flatMap { date in
            ["DE", "US"].map { breakdownRow(id, date, $0, exportedAt: exportedAt) + "\n" }
        }.joined()
    }
}

struct SilentObserver: FetchObserver {}

/// Relative paths of the six April files of camp-a and camp-b, and the manifest.
let aprilFiles = ["camp-a", "camp-b"].flatMap { id in
    ["breakdown/breakdown_\(id)_2026-04-01_2026-04-30.jsonl", "engagement/engagement_\(id)_2026-04-01_2026-04-30.jsonl",
     "overview/overview_\(id)_2026-04-01_2026-04-30.json"]
} + ["manifest.json"]
