import Foundation
import Testing
@testable import ReconKit
import TestSupport

@Suite("Unmatched report")
struct UnmatchedReportTests {
    /// 400 engagement rows (distinct keys) against an empty catalog: every engaged track is unmatched, and
    /// every fourth row targets a track (unmatched too) instead of a playlist.
    private func report(in folder: TemporaryFolder) throws -> (UnmatchedReport, lines: Int) {
        var lines: [String] = []
        var expectedLines = 0
        for index in 0..<400 {
            let targetsTrack = index % 4 == 0
            expectedLines += targetsTrack ? 2 : 1
            lines.append(ExportLines.engagement([
                "campaign_id": "\"camp-\(index % 7)\"", "country_code": index % 3 == 0 ? "\"US\"" : "\"DE\"",
                "campaign_name": index % 5 == 0 ? "\"=SUM(A1)\"" : "\"Name, with comma\"",
                "report_date": "\"2026-04-\(String(format: "%02d", 1 + index % 28))\"",
                "engaged_spotify_track_id": "\"\(String(format: "%022d", index * 7919 % 400))\"",
                "engaged_track_isrc": index % 9 == 0 ? "null" : "\"QZ\(index)\"",
                "campaign_target_type": targetsTrack ? "\"track\"" : "\"playlist\"",
                "campaign_target_isrc": targetsTrack ? "\"BAD\"" : "null",
            ]))
        }
        let path = try folder.write("e.jsonl", lines.joined(separator: "\n") + "\n")
        let pool = StringPool()
        var reader = ExportReader<EngagementRow>(pool: pool)
        try reader.read(ExportFile(path: path), index: 0, rejections: CollectedRejections())
        let rows = reader.finish()
        var counts = reader.counts
        var reconciliation = Reconciliation(
            matcher: Matcher(catalogs: try CatalogLoader.load([]), pool: pool), period: Period(from: nil, to: nil))
        reconciliation.addEngagement(rows, context: nil, counts: &counts)
        return (UnmatchedReport(reconciliation: reconciliation, breakdown: ChunkedRows(), engagement: rows,
                                files: [ExportFile(path: path)]), expectedLines)
    }

    private func written(_ report: UnmatchedReport, threads: Int, slice: Int, to path: String) throws -> [UInt8] {
        let writer = try FileWriter(path: path, displayPath: path)
        _ = try report.write(to: writer, threads: threads, slice: slice)
        try writer.close()
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("batches on several threads write the same bytes as one thread, every unmatched side once, sorted")
    func batches() throws {
        let folder = try TemporaryFolder()
        let (report, expectedLines) = try report(in: folder)
        let single = try written(report, threads: 1, slice: 1 << 15, to: folder.path + "/one.csv")
        for (threads, slice) in [(2, 1), (3, 7), (2, 64)] {
            #expect(try written(report, threads: threads, slice: slice, to: folder.path + "/many.csv") == single,
                    "threads \(threads), slice \(slice)")
        }
        let text = String(decoding: single, as: UTF8.self)
        let records = text.split(separator: "\n").dropFirst()
        #expect(records.count == expectedLines)
        // Independent check of the order on the printed fields (no quoted commas in the sort columns
        // except campaign_name, which is not one: split the line from both ends).
        let keys = records.map { record -> [String] in
            let head = record.split(separator: ",", maxSplits: 6, omittingEmptySubsequences: false).map(String.init)
            let tail = record.split(separator: ",", omittingEmptySubsequences: false).suffix(10).map(String.init)
            // source, side, reason, report_date, campaign_id | country, context, spotify id, file, line
            return Array(head[0...3]) + [head[5], tail[0], tail[1], tail[3], tail[8], tail[9]]
        }
        for (earlier, later) in zip(keys, keys.dropFirst()) {
            let order = zip(earlier.dropLast(), later.dropLast()).first { $0 != $1 }
            if let (left, right) = order {
                #expect(Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8)), "\(earlier) before \(later)")
            } else {
                #expect(Int(earlier.last!)! < Int(later.last!)!)
            }
        }
        #expect(text.contains("\"'=SUM(A1)\"") == false && text.contains(",'=SUM(A1),"), "formula defused")
        #expect(text.contains("\"Name, with comma\""))
    }
}
