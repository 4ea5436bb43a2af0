import Foundation
import Testing
@testable import ReconKit
import TestSupport

/// Hostile export lines: too long, rejected en masse, numbered past 2³², or carrying huge names.
@Suite("Bounded input")
struct BoundedInputTests {
    /// A breakdown line padded with an unknown field to exactly `length` bytes.
    static func padded(_ length: Int, country: String = "US") -> String {
        let base = ExportLines.breakdown(["country_code": "\"\(country)\"", "padding": "\"\""])
        return ExportLines.breakdown([
            "country_code": "\"\(country)\"", "padding": "\"" + String(repeating: "x", count: length - base.utf8.count) + "\"",
        ])
    }

    private func read(_ bytes: [UInt8], blockSize: Int, maxLineLength: Int) throws -> (ExportReader<BreakdownRow>, [Rejection]) {
        let folder = try TemporaryFolder()
        let path = try folder.write("b.jsonl", bytes: bytes)
        var reader = ExportReader<BreakdownRow>(pool: StringPool(), blockSize: blockSize, maxLineLength: maxLineLength)
        let sink = CollectedRejections()
        try reader.read(ExportFile(path: path), index: 0, rejections: sink)
        return (reader, sink.all)
    }

    @Test("a line over the limit is rejected line_too_long with its first 4,096 bytes; the lines around it are read",
          arguments: [16, 1000, 4096, 6000, 1 << 20])
    func longLines(blockSize: Int) throws {
        let long = "{\"x\":\"" + String(repeating: "é", count: 5000) + "\"}"
        let text = Self.padded(1000) + "\n" + long + "\r\n" + Self.padded(1000, country: "DE") + "\n" + long
        let (reader, rejected) = try read(Array(text.utf8), blockSize: blockSize, maxLineLength: 5000)
        #expect(reader.table.rows.map(\.header.origin.line) == [1, 3])
        #expect(rejected.map(\.line) == [2, 4])
        #expect(rejected.map(\.problem.reason) == [.lineTooLong, .lineTooLong])
        #expect(rejected.map(\.problem.detail) == Array(repeating: "line: 10008 bytes, more than 5000", count: 2))
        #expect(rejected.allSatisfy { $0.rawTruncated })
        // 6 bytes of `{"x":"`, then 2,045 two-byte characters: the one split by the cut is dropped.
        #expect(rejected.map(\.raw) == Array(repeating: "{\"x\":\"" + String(repeating: "é", count: 2045), count: 2))
        #expect(reader.counts.lines == 4)
        #expect(reader.counts.rejected == 2)
    }

    @Test("the limit is on the line without its CR LF: a line of exactly the limit is read", arguments: [64, 1 << 20])
    func exactLimit(blockSize: Int) throws {
        let text = Self.padded(5000) + "\r\n" + Self.padded(5001, country: "DE") + "\r\n"
        let (reader, rejected) = try read(Array(text.utf8), blockSize: blockSize, maxLineLength: 5000)
        #expect(reader.table.rows.count == 1)
        #expect(rejected.map(\.problem.reason) == [.lineTooLong])
        #expect(rejected.first?.line == 2)
    }

    @Test("raw is cut at 4,096 bytes of UTF-8, never inside a character")
    func rawCut() throws {
        let short = "not json " + String(repeating: "a", count: 4000)
        let exact = String(repeating: "b", count: 4096)
        let over = String(repeating: "c", count: 4095) + "é"
        let text = [short, exact, over].joined(separator: "\n")
        let (_, rejected) = try read(Array(text.utf8), blockSize: 8 << 20, maxLineLength: InputLimits.maxLineLength)
        #expect(rejected.map(\.raw) == [short, exact, String(repeating: "c", count: 4095)])
        #expect(rejected.map(\.rawTruncated) == [false, false, true])
    }

    @Test("a detail never copies a long value: a schema version is shown cut, a repeated key at 4,096 bytes")
    func detailCut() throws {
        let key = String(repeating: "k", count: 5000)
        let text = [
            ExportLines.breakdown(["schema_version": "\"" + String(repeating: "9", count: 10_000) + "\""]),
            ExportLines.breakdown(["\(key)": "1"]).replacingOccurrences(of: "}", with: ",\"\(key)\":2}"),
        ].joined(separator: "\n")
        let (_, rejected) = try read(Array(text.utf8), blockSize: 8 << 20, maxLineLength: InputLimits.maxLineLength)
        #expect(rejected.map(\.problem.detail) == [
            "schema_version: '" + String(repeating: "9", count: 64) + "…' is not version 1", String(repeating: "k", count: 4096),
        ])
    }

    @Test("free text is cut at 4,096 bytes and a NUL becomes U+FFFD; identifiers are kept whole")
    func freeText() throws {
        let name = String(repeating: "ü", count: 3000)
        let line = ExportLines.breakdown([
            "campaign_name": "\"a\\u0000b\"", "campaign_id": "\"" + String(repeating: "k", count: 5000) + "\"",
        ]) + "\n" + ExportLines.breakdown(["country_code": "\"DE\"", "campaign_name": "\"\(name)\""])
        let folder = try TemporaryFolder()
        let pool = StringPool()
        var reader = ExportReader<BreakdownRow>(pool: pool)
        try reader.read(ExportFile(path: try folder.write("b.jsonl", line)), index: 0, rejections: CollectedRejections())
        let rows = reader.table.rows
        #expect(pool.string(rows[0].header.campaignName) == "a\u{FFFD}b")
        #expect(pool.string(rows[0].header.campaignID).utf8.count == 5000)
        #expect(pool.string(rows[1].header.campaignName) == String(repeating: "ü", count: 2048))
        #expect(TextCut.freeText("x\0" + String(repeating: "y", count: 5000)).utf8.count == 4096)
    }

    @Test("line numbers past 2^32 are kept exactly, for rows and rejections")
    func lineNumbersPast32Bits() throws {
        let pool = StringPool()
        var merger = RowMerger<BreakdownRow>(pool: pool)
        let bytes = Array((ExportLines.breakdown() + "\n\nnot json\n").utf8)
        let sink = CollectedRejections()
        let firstLine = 5_000_000_000
        let parsed = bytes.withUnsafeBytes { ChunkParser<BreakdownRow>.parse($0, fileIndex: 3) }
        try merger.merge(parsed, file: ExportFile(path: "big.jsonl"), firstLine: firstLine, rejections: sink)
        #expect(merger.table.rows.map(\.header.origin.line) == [firstLine + 1])
        #expect(merger.table.rows.map(\.header.origin.file) == [3])
        #expect(sink.all.map(\.line) == [firstLine + 3])
        #expect(merger.counts.lines == 3)
        #expect(merger.counts.blank == 1)
    }

    @Test("a line number beyond what a row can carry stops the job instead of wrapping")
    func lineNumberLimit() throws {
        var merger = RowMerger<BreakdownRow>(pool: StringPool())
        let bytes = Array((ExportLines.breakdown() + "\n").utf8)
        let parsed = bytes.withUnsafeBytes { ChunkParser<BreakdownRow>.parse($0, fileIndex: 0) }
        #expect(throws: ReconError.unreadable(path: "huge.jsonl", reason: "more than 1099511627775 lines")) {
            try merger.merge(parsed, file: ExportFile(path: "huge.jsonl"), firstLine: RowOrigin.maxLine,
                             rejections: CollectedRejections())
        }
        let origin = RowOrigin(file: RowOrigin.maxFile, line: RowOrigin.maxLine)
        #expect(origin.file == 16_777_215)
        #expect(origin.line == 1_099_511_627_775)
    }
}
