import Foundation
import Testing
@testable import ReconKit
import TestSupport

@Suite("Parallel parsing")
struct ParallelReadTests {
    /// Rows resolved to text, so that runs with different pools compare equal.
    private func read(_ path: String, threads: Int, blockSize: Int) throws -> (rows: [String], rejected: [String], counts: SourceCounts) {
        let pool = StringPool()
        var reader = ExportReader<EngagementRow>(pool: pool, threads: threads, blockSize: blockSize)
        let sink = CollectedRejections()
        try reader.read(ExportFile(path: path), index: 0, rejections: sink)
        try reader.read(ExportFile(path: path), index: 1, rejections: sink)
        let rows = reader.table.rows.map { row in
            [pool.string(row.header.campaignID), pool.string(row.header.countryCode), pool.string(row.engagedSpotifyTrackID),
             pool.string(row.engagedTrackName), row.header.reportDate.description, String(row.streams.value ?? -1),
             "\(row.header.origin.file):\(row.header.origin.line)"].joined(separator: "|")
        }
        return (rows, sink.all.map { "\($0.line) \($0.problem.reason.rawValue) \($0.raw)" }, reader.counts)
    }

    @Test("any number of threads and any block size give the same rows, line numbers and rejections")
    func sameResult() throws {
        let folder = try TemporaryFolder()
        var lines: [String] = []
        for index in 0..<600 {
            switch index % 50 {
            case 7: lines.append("not json \(index)")
            case 13: lines.append("   ")
            default:
                lines.append(ExportLines.engagement([
                    "country_code": "\"C\(index % 40)\"", "streams": String(index),
                    "engaged_track_name": "\"Track \(index) ünïcode\"",
                    "exported_at": index % 3 == 0 ? "null" : #""2026-05-22T10:12:11Z""#,
                ]))
            }
        }
        let path = try folder.write("e.jsonl", lines.joined(separator: "\r\n"))
        let single = try read(path, threads: 1, blockSize: 1 << 20)
        #expect(single.counts.lines == 1200)
        #expect(single.counts.blank == 24)
        #expect(single.rejected.count == 24)
        #expect(single.rejected.first?.hasPrefix("8 not_json") == true)
        for (threads, blockSize) in [(2, 1 << 20), (3, 4096), (2, 1000), (7, 65536)] {
            let parallel = try read(path, threads: threads, blockSize: blockSize)
            #expect(parallel.rows == single.rows, "threads \(threads), block \(blockSize)")
            #expect(parallel.rejected == single.rejected)
            #expect(parallel.counts == single.counts)
        }
    }

    @Test("chunks end at line breaks")
    func split() {
        let text = Array("aa\nbbbb\nc\ndddddd\n".utf8)
        let chunks = text.withUnsafeBytes { block in
            ExportReader<BreakdownRow>.split(block, into: 3).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(chunks.joined() == "aa\nbbbb\nc\ndddddd\n")
        #expect(chunks.allSatisfy { $0.hasSuffix("\n") })
    }
}
