import Foundation
import Testing
import TestSupport
@testable import ReconKit

/// The rows are matched and aggregated in two halves on two threads and merged: every report
/// must equal the one a single thread writes, whatever line a half's rows fall in.
@Suite("Matching on two threads")
struct ParallelReconciliationTests {
    /// A month whose report lines each get rows from both halves: campaigns, countries,
    /// currencies and days repeat through the files; some targets match, some do not, some
    /// are playlists; some rows are provisional; listeners of one line fall on the same day
    /// in both halves and on days far apart (an open period).
    private func writeMonth(in folder: TemporaryFolder) throws {
        try folder.write("catalog.csv", """
            isrc,spotify_track_id,title,artist
            DEXW62500259,,Sleep,Artist
            ,4cOdK2wGLETKBW3PvgPWqT,Till The Sunrise,Artist
            DEXW62500002,,Other,Artist

            """)
        var breakdown: [String] = []
        var engagement: [String] = []
        for index in 0..<240 {
            // Eight campaign × country cells a day, 30 days: no row supersedes another.
            let (cell, dayIndex) = (index % 8, index / 8)
            let day = index % 37 == 0 ? "2025-0\(1 + index % 9)-15" : "2026-04-\(String(format: "%02d", 1 + dayIndex))"
            let exported = index % 5 == 0 ? "2026-04-28T00:00:00Z" : "2026-05-20T03:00:00Z"
            let isrc = ["\"DEXW62500259\"", "\"DEXW62500002\"", "\"QZA000000\(index % 7)00\"", "null", "\"bad\""][index % 5]
            breakdown.append(ExportLines.breakdown([
                "report_date": "\"\(day)\"", "exported_at": "\"\(exported)\"", "campaign_id": "\"camp-\(cell % 4)\"",
                "country_code": "\"\(["US", "FR"][cell / 4])\"", "currency": index % 11 == 0 ? "\"EUR\"" : "\"USD\"",
                "campaign_target_isrc": isrc, "campaign_target_spotify_track_id": index % 2 == 0 ? "null" : "\"11dFghVXANMlKmJXsNCbNl\"",
                "campaign_target_type": index % 13 == 0 ? "\"playlist\"" : "\"track\"",
                "campaign_target_playlist_id": index % 13 == 0 ? "\"37i9dQZF1DXcBWIGoYBM5M\"" : "null",
                "spend_total": "\(index).0\(index % 10)", "spend_media": "\(index).00", "fees": "0.0\(index % 10)",
                "streams": "\(index * 3)", "listeners": "\(index % 17)",
            ]))
            engagement.append(ExportLines.engagement([
                "report_date": "\"\(day)\"", "exported_at": "\"\(exported)\"", "campaign_id": "\"camp-\(cell % 4)\"",
                "country_code": "\"\(["DE", "SE"][cell / 4])\"", "engagement_context": index % 7 == 0 ? "\"artist\"" : "\"playlist\"",
                "engaged_track_isrc": ["\"DEXW62500001\"", "\"DEXW62500259\"", "null", "\"x\""][index % 4],
                "engaged_spotify_track_id": ["\"4cOdK2wGLETKBW3PvgPWqT\"", "\"0000000000000000000000\"", "\"bad\""][index % 3],
                "listeners": "\(index % 23)", "streams": "\(index)",
            ]))
        }
        try folder.write("breakdown/b.jsonl", breakdown.joined(separator: "\n") + "\n")
        try folder.write("engagement/e.jsonl", engagement.joined(separator: "\n") + "\n")
    }

    private func settings(_ folder: TemporaryFolder, threads: Int, period: Period) -> RunSettings {
        var settings = RunSettings()
        settings.catalogs = [CatalogSource(argument: folder.path + "/catalog.csv")]
        settings.breakdown = [folder.path + "/breakdown"]
        settings.engagement = [folder.path + "/engagement"]
        settings.writesWorkbook = false
        settings.usesCache = false
        settings.period = period
        settings.threads = threads
        settings.outputFolder = folder.path + "/out-\(threads)"
        return settings
    }

    @Test("two threads write the same reports and summary as one", arguments: [
        Period(from: nil, to: nil), Period(month: "2026-04")!,
    ])
    func sameReports(period: Period) throws {
        let folder = try TemporaryFolder()
        try writeMonth(in: folder)
        let single = try Run.execute(settings(folder, threads: 1, period: period))
        let parallel = try Run.execute(settings(folder, threads: 2, period: period))
        #expect(single.breakdown == parallel.breakdown)
        #expect(single.engagement == parallel.engagement)
        #expect(single.engagement.kept > 100, "\(single.engagement) \(single.rejectionsByReason)")
        #expect(single.breakdownTargets["not_in_catalog"] > 0 && single.breakdownTargets["isrc"] > 0)
        #expect(single.provisionalCampaigns.count > 0)
        let one = try folder.snapshot("out-1")
        let two = try folder.snapshot("out-2")
        #expect(one.keys.sorted() == two.keys.sorted())
        #expect(one.keys.contains("unmatched.csv") && one.keys.contains("tracks.csv"))
        for (name, bytes) in one {
            // A summary names its output folder.
            let expected = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "out-1", with: "out-2")
            #expect(two[name].map { String(decoding: $0, as: UTF8.self) } == expected, "\(name) differs")
        }
    }
}
