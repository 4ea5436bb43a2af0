import Foundation
import Testing
import TestSupport

@Suite("report.html")
struct HTMLReportTests {
    /// The JSON embedded in the page.
    private func embeddedData(_ html: String) throws -> [String: Any] {
        let opening = #"<script type="application/json" id="report-data">"#
        let start = try #require(html.range(of: opening))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = Data(html[start.upperBound..<end.lowerBound].utf8)
        return try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    }

    @Test("the page's figures equal summary.json and the CSVs")
    func figures() throws {
        let folder = SampleRunTests.expectedFolder
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        let data = try embeddedData(html)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json")))
        let canonical = { (object: Any) in try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) }
        #expect(try canonical(data["summary"] ?? [:]) == canonical(summary))
        let currencies = try #require(data["currencies"] as? [[String: Any]])
        let territories = try CSVFile(folder + "/territories.csv")
        for currency in currencies {
            let code = try #require(currency["code"] as? String)
            let total = territories.sum("spend_total", where: "currency", is: code)
            let shown = (currency["territories"] as? [[String: Any]] ?? []).compactMap { Micros($0["spend_total"] as? String ?? "") }
            #expect(Micros(value: shown.map(\.value).reduce(0, +)) == total, "\(code): top territories + rest")
            let days = (currency["days"] as? [[String: Any]] ?? []).compactMap { Micros($0["spend_total"] as? String ?? "") }
            #expect(Micros(value: days.map(\.value).reduce(0, +)) == total, "\(code): days")
        }
        let tracks = try #require(data["top_tracks"] as? [[String: Any]])
        let trackStreams = try CSVFile(folder + "/tracks.csv")
        for track in tracks {
            let parts = ["direct", "spillover", "playlist"].compactMap { track[$0] as? Int }
            #expect(parts.reduce(0, +) == track["streams"] as? Int)
            let id = track["spotify_track_id"] as? String ?? ""
            let expected = zip(trackStreams.column("engaged_spotify_track_id"), trackStreams.column("streams"))
                .filter { $0.0 == id }.compactMap { Int($0.1) }.reduce(0, +)
            #expect(track["streams"] as? Int == expected, "\(id)")
        }
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script src"), "self-contained")
    }

    @Test("for finance: a headline per currency, every partners.csv line, every day, gates in words, file and line")
    func financeView() throws {
        let folder = SampleRunTests.expectedFolder
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        // Headlines: total = matched + playlist + unattributed (USD 2,545.07 + 21.25 + 161.12 = 2,727.44;
        // EUR 338.85 + 364.69 + 0.00 = 703.54).
        for figure in ["2,727.44 USD", "2,545.07 USD", "21.25 USD", "161.12 USD", "703.54 EUR", "338.85 EUR", "364.69 EUR"] {
            #expect(html.contains("<b>\(figure)</b>"), "headline \(figure)")
        }
        let partners = try CSVFile(folder + "/partners.csv")
        for (total, currency) in zip(partners.column("spend_total"), partners.column("currency")) {
            let shown = try #require(Self.grouped(total)) + " " + currency
            #expect(html.contains("<td class=\"n\">\(shown)</td>"), "partners.csv line with \(total) \(currency)")
        }
        let data = try embeddedData(html)
        for currency in try #require(data["currencies"] as? [[String: Any]]) {
            let days = (currency["days"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
            #expect(days == (1...30).map { String(format: "2026-04-%02d", $0) }, "every day of April, zero days too")
        }
        #expect(html.contains("Unmatched spend at most 25.0% of each currency&#39;s spend"))
        // Every gate in words, the ones not enabled too (the sample's overviews have 9 mismatch lines).
        #expect(html.contains("<li>The exports tie out to every overview window of the period: 9 mismatch lines in "
            + "reconciliation.csv: <span class=\"off\">not enabled</span></li>"))
        #expect(!html.contains("<li>require_tie_out"))
        #expect(html.contains("every enabled gate passed"), "gates that are off do not pass or fail")
        // Every mismatch of reconciliation.csv, its digits grouped.
        let tieOut = try CSVFile(folder + "/reconciliation.csv")
        var shownValues = 0
        for (index, status) in tieOut.column("status").enumerated() where status == "mismatch" {
            for name in ["overview", "exports", "difference"] where !tieOut.column(name)[index].isEmpty {
                let shown = try #require(Self.grouped(tieOut.column(name)[index]))
                #expect(html.contains("<td class=\"n\">\(shown)</td>"), "\(name) \(shown)")
                shownValues += 1
            }
        }
        #expect(shownValues == 27, "9 mismatch lines, each with its three values")
        #expect(html.contains("<th>file:line</th>"))
        #expect(html.contains("SampleData/exports/breakdown/breakdown_5e0a7b92-6c1d-4e3f-8a24-7b3d9c1e5f88_2026-04-15_2026-04-15.jsonl:1"))
        #expect(html.contains(">spend_total (USD)</text>") && html.contains(">day (UTC), every day of the period"))
    }

    /// `1114.16` → `1,114.16`, `-49645` → `-49,645`: the exact digits, grouped.
    private static func grouped(_ text: String) -> String? {
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]) else { return nil }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.usesGroupingSeparator = true
        return (negative ? "-" : "") + (formatter.string(from: NSNumber(value: whole)) ?? "")
            + (parts.count == 2 ? "." + parts[1] : "")
    }

    @Test("text from the inputs is escaped")
    func escaping() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let hostile = #"{"provider":"soundlink","account_id":"a1","report_date":"2026-04-01","campaign_id":"c1","campaign_name":"<script>alert(1)</script>","campaign_target_type":"track","campaign_target_isrc":"QZZZZ2500001","country_code":"US","spend_total":9.99,"currency":"USD"}"#
        let catalog = try work.write("c.csv", "isrc,title\nUSRC17607839,<b>bold</b> & \"quoted\"\n")
        let export = try work.write("b.jsonl", hostile + "\n")
        let outcome = try BinaryRunner.run(["run", "--catalog", catalog, "--breakdown", export, "--out", work.path + "/out"])
        #expect(outcome.status == 0)
        let html = String(decoding: try work.read("out/report.html"), as: UTF8.self)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let data = try embeddedData(html)
        let unmatched = try #require(data["top_unmatched"] as? [[String]])
        #expect(unmatched.first?.contains("<script>alert(1)</script>") == true)
    }

    /// Seven tracks, each engaged twice with equal streams: once with its ISRC (catalog context) and once
    /// with only its Spotify id (playlist context). Each track is then two ranked lines with the same
    /// streams, title and ids; their order must not depend on the order of a dictionary, which changes
    /// from one process to the next.
    @Test("top tracks tied on streams, title and ids: report.html is byte-identical from run to run")
    func tiedTopTracks() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        var catalog = "isrc,spotify_track_id,title\n"
        var engagement = ""
        for track in 1...7 {
            let isrc = "USAAA250000\(track)", spotify = String(repeating: "A", count: 21) + "\(track)"
            catalog += "\(isrc),\(spotify),Track \(track)\n"
            for (context, engagedISRC) in [("catalog", "\"\(isrc)\""), ("playlist", "null")] {
                engagement += #"{"provider":"soundlink","account_id":"a1","report_date":"2026-04-01","#
                    + #""exported_at":"2026-05-20T03:00:00Z","campaign_id":"c1","campaign_target_isrc":"USAAA2500009","#
                    + #""country_code":"US","engagement_context":"\#(context)","engaged_track_isrc":\#(engagedISRC),"#
                    + #""engaged_spotify_track_id":"\#(spotify)","streams":\#(track * 10)}"# + "\n"
            }
        }
        let breakdown = #"{"provider":"soundlink","account_id":"a1","report_date":"2026-04-01","exported_at":"2026-05-20T03:00:00Z","campaign_id":"c1","campaign_target_isrc":"USAAA2500009","country_code":"US","streams":1,"spend_total":1,"currency":"USD"}"#
        let arguments = ["run", "--quiet", "--no-workbook", "--catalog", try work.write("catalog.csv", catalog),
                         "--breakdown", try work.write("b.jsonl", breakdown + "\n"),
                         "--engagement", try work.write("e.jsonl", engagement)]
        var pages: Set<String> = []
        for run in 0..<4 {
            let outcome = try BinaryRunner.run(arguments + ["--no-cache", "--out", work.path + "/out\(run)"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            pages.insert(try String(contentsOfFile: work.path + "/out\(run)/report.html", encoding: .utf8))
        }
        #expect(pages.count == 1, "\(pages.count) different pages from 4 runs")
        let page = try #require(pages.first)
        let tracks = try #require(try embeddedData(page)["top_tracks"] as? [[String: Any]])
        // Per track: the ISRC-matched line is all spillover, the Spotify-matched line all playlist; equal streams.
        #expect(tracks.count == 14)
        #expect(tracks.compactMap { $0["streams"] as? Int } == [70, 70, 60, 60, 50, 50, 40, 40, 30, 30, 20, 20, 10, 10])
    }

    /// Twenty tracks: ten with 100 streams, four with 60, six with 50. The top 15 are the ten of 100,
    /// the four of 60 and the one of 50 that comes first on the tie-break (Spotify id ascending), each
    /// group in that order.
    @Test("top tracks: ties at the 15th place are settled on the shown fields, as a full sort would")
    func topTracksCutOffAtATie() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        var catalog = "isrc,spotify_track_id,title\n"
        var engagement = ""
        let spotify = { (track: Int) in String(repeating: "B", count: 20) + String(format: "%02d", track) }
        for track in (1...20).reversed() {
            let isrc = String(format: "USAAA25%05d", track)
            catalog += "\(isrc),\(spotify(track)),Track \(track)\n"
            engagement += #"{"provider":"soundlink","account_id":"a1","report_date":"2026-04-01","#
                + #""exported_at":"2026-05-20T03:00:00Z","campaign_id":"c1","campaign_target_isrc":"USAAA2500001","#
                + #""country_code":"US","engagement_context":"catalog","engaged_track_isrc":"\#(isrc)","#
                + #""engaged_spotify_track_id":"\#(spotify(track))","streams":\#(track <= 10 ? 100 : track <= 14 ? 60 : 50)}"# + "\n"
        }
        let breakdown = #"{"provider":"soundlink","account_id":"a1","report_date":"2026-04-01","exported_at":"2026-05-20T03:00:00Z","campaign_id":"c1","campaign_target_isrc":"USAAA2500001","country_code":"US","streams":1,"spend_total":1,"currency":"USD"}"#
        let outcome = try BinaryRunner.run([
            "run", "--quiet", "--no-workbook", "--no-cache", "--out", work.path + "/out",
            "--catalog", try work.write("catalog.csv", catalog), "--breakdown", try work.write("b.jsonl", breakdown + "\n"),
            "--engagement", try work.write("e.jsonl", engagement)])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let page = try String(contentsOfFile: work.path + "/out/report.html", encoding: .utf8)
        let tracks = try #require(try embeddedData(page)["top_tracks"] as? [[String: Any]])
        #expect(tracks.compactMap { $0["spotify_track_id"] as? String } == (1...15).map(spotify))
        #expect(tracks.compactMap { $0["streams"] as? Int }
            == Array(repeating: 100, count: 10) + Array(repeating: 60, count: 4) + [50])
    }
}
