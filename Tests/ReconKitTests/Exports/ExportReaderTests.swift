import Foundation
import Testing
@testable import ReconKit
import TestSupport

@Suite("Export reading")
struct ExportReaderTests {
    private func readBreakdown(_ files: [String]) throws -> (ExportReader<BreakdownRow>, [Rejection], StringPool) {
        let pool = StringPool()
        var reader = ExportReader<BreakdownRow>(pool: pool)
        let sink = CollectedRejections()
        for (index, file) in files.enumerated() {
            try reader.read(ExportFile(path: file), index: index, rejections: sink)
        }
        return (reader, sink.all, pool)
    }

    static let rejections: [(String, RejectionReason, String)] = [
        ("not json", .notJSON, ""),
        ("[1,2]", .notObject, ""),
        (#"{"provider":"a","provider":"b"}"#, .duplicateField, "provider"),
        (ExportLines.breakdown(["account_id": nil]), .missingField, "account_id"),
        (ExportLines.breakdown(["campaign_id": "null"]), .missingField, "campaign_id"),
        (ExportLines.breakdown(["country_code": #""""#]), .missingField, "country_code"),
        (ExportLines.breakdown(["provider": "7"]), .wrongType, "provider"),
        (ExportLines.breakdown(["report_date": #""2026-02-30""#]), .badReportDate, "report_date"),
        (ExportLines.breakdown(["report_date": #""04/01/2026""#]), .badReportDate, "report_date"),
        (ExportLines.breakdown(["schema_version": #""2.0""#]), .unsupportedSchemaVersion, "schema_version"),
        (ExportLines.breakdown(["schema_version": "1.0"]), .wrongType, "schema_version"),
        (ExportLines.breakdown(["exported_at": #""yesterday""#]), .badExportedAt, "exported_at"),
        (ExportLines.breakdown(["exported_at": "1716170400"]), .wrongType, "exported_at"),
        (ExportLines.breakdown(["currency": nil]), .missingField, "currency"),
        (ExportLines.breakdown(["currency": #""US""#]), .wrongType, "currency"),
        (ExportLines.breakdown(["streams": #""203""#]), .wrongType, "streams"),
        (ExportLines.breakdown(["streams": "203.0"]), .wrongType, "streams"),
        (ExportLines.breakdown(["streams": "2e2"]), .wrongType, "streams"),
        (ExportLines.breakdown(["listeners": "-1"]), .negativeCount, "listeners"),
        (ExportLines.breakdown(["impressions": "99999999999999999999"]), .outOfRange, "impressions"),
        (ExportLines.breakdown(["spend_total": #""53.13""#]), .wrongType, "spend_total"),
        (ExportLines.breakdown(["spend_total": "null"]), .wrongType, "spend_total: expected a number, not null"),
        (ExportLines.breakdown(["fees": "null"]), .wrongType, "fees"),
        (ExportLines.breakdown(["fees": "1e400"]), .outOfRange, "fees"),
        (ExportLines.breakdown(["spend_media": "00012"]), .notJSON, ""),
        (ExportLines.breakdown(["spend_media": "12."]), .notJSON, ""),
        (ExportLines.breakdown(["campaign_target_isrc": "12"]), .wrongType, "campaign_target_isrc"),
    ]

    @Test("each bad line is rejected with its reason and the field", arguments: rejections)
    func rejection(line: String, reason: RejectionReason, field: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("b.jsonl", ExportLines.breakdown() + "\n" + line + "\n")
        let (reader, rejected, _) = try readBreakdown([path])
        #expect(rejected.count == 1)
        #expect(rejected.first?.problem.reason == reason)
        #expect(rejected.first?.problem.detail.hasPrefix(field) == true)
        #expect(rejected.first?.line == 2)
        #expect(rejected.first?.raw == line)
        #expect(reader.counts.kept + reader.table.rows.count == 1)  // the good line is still there
    }

    @Test("accepted oddities: unknown fields, nested values, -0 money, null counts, schema \"1\"")
    func accepted() throws {
        let folder = try TemporaryFolder()
        let lines = [
            ExportLines.breakdown(["future_field": #"{"a":[1,{"b":null}]}"#]),
            ExportLines.breakdown(["country_code": #""FR""#, "spend_total": "-0", "impressions": "null"]),
            ExportLines.breakdown(["country_code": #""DE""#, "schema_version": #""1""#, "exported_at": #""""#]),
            ExportLines.breakdown(["country_code": #""IT""#, "schema_version": "null", "currency": #""eur""#]),
        ]
        let (reader, rejected, pool) = try readBreakdown([try folder.write("b.jsonl", lines.joined(separator: "\n"))])
        #expect(rejected.isEmpty)
        let rows = reader.table.rows
        #expect(rows.count == 4)
        #expect(rows[1].spendTotal == .zero)
        #expect(rows[1].impressions == .notReported)   // null: not reported, kept apart from 0
        #expect(rows[1].impressions.value == nil)
        #expect(rows[0].impressions.value == 4821)
        #expect(rows[2].header.exportedAt == nil)
        #expect(rows[2].header.isProvisional)
        #expect(pool.string(rows[3].currency) == "EUR")
    }

    @Test("invalid UTF-8 is rejected with U+FFFD in raw; CR before LF is dropped; BOM skipped")
    func bytesOnTheWire() throws {
        let folder = try TemporaryFolder()
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(ExportLines.breakdown().utf8) + [0x0D, 0x0A]
        bytes += Array("{\"provider\":\"s".utf8) + [0xFF] + Array("\"}".utf8) + [0x0A, 0x20, 0x09, 0x0A]
        let (reader, rejected, _) = try readBreakdown([try folder.write("b.jsonl", bytes: bytes)])
        #expect(reader.table.rows.count == 1)
        #expect(rejected.map(\.problem.reason) == [.invalidUTF8])
        #expect(rejected.first?.raw == "{\"provider\":\"s\u{FFFD}\"}")
        #expect(reader.counts.lines == 3)
        #expect(reader.counts.blank == 1)
    }

    @Test("the newer export wins even when read first; ties go to the row read last")
    func deduplication() throws {
        let folder = try TemporaryFolder()
        let newer = try folder.write("newer.jsonl", ExportLines.breakdown([
            "exported_at": #""2026-05-20T03:00:00.000Z""#, "streams": "300"]))
        let older = try folder.write("older.jsonl", ExportLines.breakdown([
            "exported_at": #""2026-05-02T03:00:00Z""#, "streams": "100"]))
        let tie = try folder.write("tie.jsonl", ExportLines.breakdown([
            "exported_at": #""2026-05-20T05:00:00+02:00""#, "streams": "301"]))
        let absent = try folder.write("absent.jsonl", ExportLines.breakdown(["exported_at": "null", "streams": "5"]))

        let (first, _, _) = try readBreakdown([newer, older])
        #expect(first.table.rows.map(\.streams.value) == [300])
        #expect(first.counts.superseded == 1)

        let (second, _, _) = try readBreakdown([newer, tie])
        #expect(second.table.rows.map(\.streams.value) == [301])

        let (third, _, _) = try readBreakdown([older, absent])
        #expect(third.table.rows.map(\.streams.value) == [100])   // absent exported_at loses every tie-break

        let (fourth, _, _) = try readBreakdown([newer, newer])
        #expect(fourth.table.rows.count == 1)
        #expect(fourth.counts.superseded == 1)
    }

    @Test("gzip: several members are all read; corrupt and truncated files stop the job")
    func gzip() throws {
        let folder = try TemporaryFolder()
        let first = try folder.write("one.jsonl", ExportLines.breakdown() + "\n")
        let second = try folder.write("two.jsonl", ExportLines.breakdown(["country_code": #""FR""#]) + "\n")
        for file in [first, second] { try shell("gzip -kn \(file)") }
        try shell("cat \(first).gz \(second).gz > \(folder.path)/both.jsonl.gz")
        let (reader, _, _) = try readBreakdown([folder.path + "/both.jsonl.gz"])
        #expect(reader.table.rows.count == 2)

        try shell("head -c 40 \(folder.path)/both.jsonl.gz > \(folder.path)/cut.jsonl.gz")
        #expect(throws: ReconError.corruptGzip(path: folder.path + "/cut.jsonl.gz", reason: "unexpected end of file")) {
            try readBreakdown([folder.path + "/cut.jsonl.gz"])
        }
        let fake = try folder.write("fake.jsonl.gz", ExportLines.breakdown())
        #expect(throws: ReconError.self) { try readBreakdown([fake]) }
    }

    @Test("folders expand to *.jsonl and *.jsonl.gz in byte order; an empty folder is an error")
    func folders() throws {
        let folder = try TemporaryFolder()
        for name in ["b.jsonl", "B.jsonl", "a.jsonl.gz", "notes.txt", "c.json"] { try folder.write("in/\(name)", "") }
        let files = try ExportFile.resolve([folder.path + "/in"]).map(\.path)
        #expect(files == ["B.jsonl", "a.jsonl.gz", "b.jsonl"].map { folder.path + "/in/" + $0 })
        try FileManager.default.createDirectory(atPath: folder.path + "/empty", withIntermediateDirectories: true)
        #expect(throws: ReconError.emptyExportFolder(path: folder.path + "/empty")) {
            try ExportFile.resolve([folder.path + "/empty"])
        }
        #expect(throws: ReconError.unreadable(path: folder.path + "/nope", reason: "no such file or folder")) {
            try ExportFile.resolve([folder.path + "/nope"])
        }
    }
}
