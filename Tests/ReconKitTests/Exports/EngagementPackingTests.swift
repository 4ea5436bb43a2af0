import Foundation
import Testing
@testable import ReconKit
import TestSupport

@Suite("Kept engagement rows")
struct EngagementPackingTests {
    @Test("a kept engagement row costs at most 64 bytes")
    func packedSize() {
        #expect(MemoryLayout<EngagementRow.Packing.Packed>.stride <= 64)
    }

    @Test("counts keep their exact value, large ones and not reported included",
          arguments: [0, 1, 2_147_483_647, 2_147_483_648, 4_294_967_295, 4_294_967_296, 9_007_199_254_740_993, Int64.max])
    func countRoundTrip(value: Int64) {
        var large = LargeCounts()
        let packed = PackedCount(Count(value), large: &large)
        #expect(packed.count(large).value == value)
        #expect(PackedCount(.notReported, large: &large).count(large) == .notReported)
    }

    /// Rows parsed from lines that vary every stored field, a missing `exported_at` and null counts included.
    private func rows() throws -> [EngagementRow] {
        let pool = StringPool()
        let lines = [
            ExportLines.engagement(),
            ExportLines.engagement(["exported_at": "null", "streams": "null", "listeners": "4294967296"]),
            ExportLines.engagement(["campaign_name": #""Other name""#, "engaged_track_isrc": "null",
                                    "returning_listener_streams": "9007199254740993"]),
            ExportLines.engagement(["campaign_target_type": #""track""#, "campaign_target_isrc": #""DEXW62500259""#,
                                    "engagement_context": #""catalog""#, "new_listeners": "2147483648"]),
            ExportLines.engagement(["exported_at": #""2026-05-22T10:12:11.123456789+02:00""#, "country_code": #""US""#]),
        ]
        return try lines.enumerated().map { index, line in
            let parser = ExportLineParser(pool: pool)
            var text = line
            return try text.withUTF8 { bytes in
                try parser.load(UnsafeRawBufferPointer(bytes))
                return try EngagementRow(parser, origin: RowOrigin(file: index, line: index + 1))
            }
        }
    }

    @Test("unpacking gives back every field of the row stored, also after a row is replaced")
    func roundTrip() throws {
        let rows = try rows()
        var stored = ChunkedRows<EngagementRow>()
        for row in rows { stored.append(row) }
        stored[1] = rows[4]
        let expected = [rows[0], rows[4], rows[2], rows[3], rows[4]]
        #expect(stored.count == expected.count)
        for (got, want) in zip(stored, expected) {
            #expect(got.key == want.key)
            #expect(got.reportsSameValues(as: want))
            #expect(got.header.exportedAt == want.header.exportedAt)
            #expect(got.header.origin == want.header.origin)
            #expect(got.engagedSpotifyTrackID == want.engagedSpotifyTrackID)
        }
        #expect(stored[2].returningListenerStreams.value == 9_007_199_254_740_993)
        #expect(stored[0].streams.value == 35)
        #expect(rows[1].header.exportedAt == nil && rows[1].streams == .notReported)
    }

    @Test("counts of 2^32 and more reach tracks.csv exact, also when the rows come from the re-run cache")
    func largeCountsInReports() throws {
        let folder = try TemporaryFolder()
        // 2^32 + 5 and 2^53 + 1 (not a Double): their sum is 9007203549708294.
        let lines = [
            ExportLines.engagement(["streams": "4294967301"]),
            ExportLines.engagement(["streams": "9007199254740993", "country_code": #""FR""#]),
        ]
        var settings = RunSettings()
        settings.engagement = [try folder.write("e.jsonl", lines.joined(separator: "\n") + "\n")]
        settings.outputFolder = folder.path + "/out"
        settings.writesWorkbook = false
        for fromCache in [0, 1] {
            #expect(try Run.execute(settings).exportFilesFromCache == fromCache)
            let tracks = try folder.text("out/tracks.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let streams = try #require(tracks.first?.firstIndex(of: "streams"))
            #expect(tracks.count == 2)
            #expect(tracks[1][streams] == "9007203549708294")
        }
    }
}
