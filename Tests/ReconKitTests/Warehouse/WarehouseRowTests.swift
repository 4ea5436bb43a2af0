import Foundation
import Testing
@testable import ReconKit
import TestSupport

@Suite("Warehouse rows")
struct WarehouseRowTests {
    /// Parses `lines` as one chunk and returns each row's NDJSON line as a JSON object.
    static func written<Row: WarehouseRow>(_: Row.Type, _ lines: [String]) throws -> [[String: Any]] {
        let text = Array((lines.joined(separator: "\n") + "\n").utf8)
        let parsed = text.withUnsafeBytes { ChunkParser<Row>.parse($0, fileIndex: 3) }
        let texts = ChunkTexts(pool: parsed.pool)
        var line = NDJSONRow(Row.table)
        return try parsed.rows.map { row in
            line.reset()
            row.write(into: &line, texts: texts)
            line.end()
            #expect(line.bytes.last == 0x0A && line.bytes.filter { $0 == 0x0A }.count == 1)
            let object = try JSONSerialization.jsonObject(with: Data(line.bytes.dropLast()), options: [.fragmentsAllowed])
            return try #require(object as? [String: Any])
        }
    }

    @Test("a breakdown row: keys as written, ids normalised, money in micro-units, null kept")
    func breakdown() throws {
        let rows = try Self.written(BreakdownRow.self, [
            ExportLines.breakdown([
                "campaign_target_isrc": #""de-xw6-25-00259""#,
                "campaign_target_spotify_track_id": #""https://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl?si=1""#,
                "campaign_name": #""=Tab\there, \"quoted\"\nnext""#, "currency": #""usd""#,
                "spend_total": "53.129999999999995", "fees": "-0.0000005", "impressions": "null",
                "exported_at": #""2026-05-20T05:00:00.25+02:00""#,
            ]),
            ExportLines.breakdown(["campaign_target_isrc": #""  ""#, "campaign_target_spotify_track_id": "null",
                                   "exported_at": "null"]),
        ])
        #expect(rows.count == 2)
        let row = rows[0]
        #expect(Array(row.keys).sorted() == WarehouseTable.breakdownRows.columns.map(\.name).sorted())
        #expect(row["file_index"] as? Int == 3 && row["line_number"] as? Int == 1)
        #expect(row["report_date"] as? String == "2026-04-01")
        #expect(row["report_day"] as? Int == Int(CalendarDay("2026-04-01")!.daysSinceEpoch))
        #expect(row["target_isrc_raw"] as? String == "de-xw6-25-00259")
        #expect(row["target_isrc"] as? String == "DEXW62500259")
        #expect(row["target_spotify"] as? String == "11dFghVXANMlKmJXsNCbNl")
        #expect(row["target_reason"] as? String == "not_in_catalog")
        #expect(row["campaign_name"] as? String == "=Tab\there, \"quoted\"\nnext")
        #expect(row["currency"] as? String == "USD")
        #expect(row["spend_total"] as? Int == 53_130_000)
        #expect(row["fees"] as? Int == 0)
        #expect(row["impressions"] is NSNull)
        #expect(row["exported_at_seconds"] as? Int == Int(Instant("2026-05-20T03:00:00Z")!.seconds))
        #expect(row["exported_at_nanos"] as? Int == 250_000_000)
        #expect(row["target_is_playlist"] as? Bool == false)

        let blank = rows[1]
        #expect(blank["target_isrc_raw"] as? String == "  ")
        #expect(blank["target_isrc"] is NSNull)
        #expect(blank["target_spotify_raw"] as? String == "")
        #expect(blank["target_reason"] as? String == "no_keys")
        #expect(blank["exported_at_seconds"] is NSNull && blank["exported_at_nanos"] is NSNull)
        #expect(blank["line_number"] as? Int == 2)
    }

    @Test("an engagement row: both sides, invalid keys keep their raw text")
    func engagement() throws {
        let rows = try Self.written(EngagementRow.self, [
            ExportLines.engagement(["engaged_track_isrc": #""bad""#,
                                    "engaged_spotify_track_id": #""spotify:track:short""#]),
        ])
        let row = try #require(rows.first)
        #expect(Array(row.keys).sorted() == WarehouseTable.engagementRows.columns.map(\.name).sorted())
        #expect(row["target_is_playlist"] as? Bool == true)
        #expect(row["target_playlist_id"] as? String == "37i9dQZF1DXcBWIGoYBM5M")
        #expect(row["engaged_isrc_raw"] as? String == "bad" && row["engaged_isrc"] is NSNull)
        #expect(row["engaged_spotify_raw"] as? String == "spotify:track:short" && row["engaged_spotify"] is NSNull)
        #expect(row["engaged_reason"] as? String == "invalid_keys")
        #expect(row["engagement_context"] as? String == "playlist")
    }

    @Test("control characters are escaped, text stays UTF-8")
    func escaping() throws {
        var line = NDJSONRow(.exportFiles)
        line.integer(7)
        line.text("a\u{0}b\u{1F}\u{7F}\"\\\r\n\tä")
        line.end()
        let text = String(decoding: line.bytes, as: UTF8.self)
        #expect(text == "{\"file_index\":7,\"path\":\"a\\u0000b\\u001f\\u007f\\\"\\\\\\r\\n\\tä\"}\n")
    }
}

@Suite("Warehouse reader")
struct WarehouseReaderTests {
    @Test("the rows file and the rejections do not depend on threads or block size", arguments: [
        (1, 1 << 20), (2, 300), (3, 97), (7, 1024),
    ])
    func sameForAnyThreads(_ threads: Int, _ blockSize: Int) throws {
        let folder = try TemporaryFolder()
        var lines: [String] = []
        for index in 0..<60 {
            switch index % 9 {
            case 4: lines.append("")
            case 7: lines.append("{broken")
            default: lines.append(ExportLines.breakdown(["streams": String(index), "country_code": "\"C\(index % 5)\""]))
            }
        }
        let file = try folder.write("b.jsonl", lines.joined(separator: "\n") + "\n")
        func read(_ threads: Int, _ blockSize: Int, into name: String) throws -> ([UInt8], [Int], SourceCounts) {
            let writer = try FileWriter(path: folder.path + "/" + name, displayPath: name)
            let rejections = CollectedRejections()
            var reader = WarehouseReader<BreakdownRow>(threads: threads, blockSize: blockSize)
            try reader.read(ExportFile(path: file), index: 0, into: writer, rejections: rejections)
            try writer.close()
            #expect(reader.rows == 60 - 7 - 6)
            return (Array(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + name))), rejections.all.map(\.line), reader.counts)
        }
        let reference = try read(1, 1 << 20, into: "one.ndjson")
        let other = try read(threads, blockSize, into: "other.ndjson")
        #expect(other.0 == reference.0)
        #expect(other.1 == reference.1)
        #expect(other.1 == [8, 17, 26, 35, 44, 53])
        #expect(other.2 == reference.2)
        #expect(other.2.lines == 60 && other.2.blank == 7 && other.2.rejected == 6)
    }
}
