@testable import ReconKit

/// Builds export lines for tests from a documented base row, with raw JSON overrides.
enum ExportLines {
    static let breakdownBase: [(String, String)] = [
        ("provider", #""soundlink""#), ("account_id", #""acct-1""#), ("schema_version", #""1.0""#),
        ("report_date", #""2026-04-01""#), ("exported_at", #""2026-05-20T03:00:00Z""#),
        ("campaign_id", #""camp-1""#), ("campaign_name", #""Sleep""#), ("campaign_target_type", #""track""#),
        ("campaign_target_isrc", #""DEXW62500259""#), ("campaign_target_spotify_track_id", #""11dFghVXANMlKmJXsNCbNl""#),
        ("campaign_target_playlist_id", "null"), ("country_code", #""US""#), ("impressions", "4821"),
        ("ad_clicks", "112"), ("link_clicks", "89"), ("streams", "203"), ("listeners", "145"), ("followers", "12"),
        ("spend_media", "42.50"), ("spend_total", "53.13"), ("fees", "10.63"), ("currency", #""USD""#),
        ("cpl", "0.293"),
    ]

    static let engagementBase: [(String, String)] = [
        ("provider", #""soundlink""#), ("account_id", #""acct-1""#), ("schema_version", #""1.0""#),
        ("report_date", #""2026-04-08""#), ("exported_at", #""2026-05-22T10:12:11Z""#),
        ("campaign_id", #""camp-2""#), ("campaign_name", #""Sleep Playlist""#), ("campaign_target_type", #""playlist""#),
        ("campaign_target_isrc", "null"), ("campaign_target_spotify_track_id", "null"),
        ("campaign_target_playlist_id", #""37i9dQZF1DXcBWIGoYBM5M""#), ("engagement_context", #""playlist""#),
        ("country_code", #""DE""#), ("engaged_track_isrc", #""DEXW62500001""#),
        ("engaged_spotify_track_id", #""4cOdK2wGLETKBW3PvgPWqT""#), ("engaged_track_name", #""Till The Sunrise""#),
        ("new_listeners", "19"), ("returning_listeners", "7"), ("listeners", "26"), ("new_listener_streams", "24"),
        ("returning_listener_streams", "11"), ("streams", "35"), ("spl", "1.35"),
    ]

    /// The base row with fields replaced (raw JSON), removed (nil) or appended.
    static func line(_ base: [(String, String)], _ changes: [String: String?] = [:]) -> String {
        var fields = base.compactMap { name, value -> String? in
            guard let change = changes[name] else { return "\"\(name)\":\(value)" }
            return change.map { "\"\(name)\":\($0)" }
        }
        for (name, value) in changes.sorted(by: { $0.key < $1.key }) where !base.contains(where: { $0.0 == name }) {
            if let value { fields.append("\"\(name)\":\(value)") }
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func breakdown(_ changes: [String: String?] = [:]) -> String { line(breakdownBase, changes) }
    static func engagement(_ changes: [String: String?] = [:]) -> String { line(engagementBase, changes) }
}

/// Collects rejections in memory.
final class CollectedRejections: RejectionSink {
    var all: [Rejection] = []
    func record(_ rejection: Rejection) throws { all.append(rejection) }
}
