import Testing
@testable import ReconKit
import TestSupport

@Suite("Row checks")
struct RowChecksTests {
    @Test("rows whose spend_total is more than a cent from spend_media + fees are listed; a cent exactly is not")
    func feeSum() throws {
        let folder = try TemporaryFolder()
        let lines = [
            ExportLines.breakdown(["country_code": #""AA""#, "spend_total": "53.14"]),
            ExportLines.breakdown(["country_code": #""BB""#, "spend_total": "53.15"]),
            ExportLines.breakdown(["country_code": #""CC""#, "spend_total": "53.12"]),
            ExportLines.breakdown(["country_code": #""DD""#, "spend_total": "53.11"]),
            ExportLines.breakdown(["country_code": #""EE""#, "spend_total": "53.13"]),
            ExportLines.breakdown(["country_code": #""FF""#, "spend_total": "99.00", "report_date": #""2026-05-01""#]),
        ]
        let path = try folder.write("b.jsonl", lines.joined(separator: "\n") + "\n")
        let pool = StringPool()
        var reader = ExportReader<BreakdownRow>(pool: pool)
        try reader.read(ExportFile(path: path), index: 0, rejections: CollectedRejections())
        let checks = RowChecks(rows: reader.finish(), period: Period(month: "2026-04")!, pool: pool,
                               files: [ExportFile(path: path)])
        let report = checks.report(pool: pool, files: [ExportFile(path: path)])
        #expect((0..<report.count).map(report.printed) == [
            ["fee_sum", "2026-04-01", "camp-1", "BB", "USD", "42.50", "10.63", "53.15", "0.02", path, "2"],
            ["fee_sum", "2026-04-01", "camp-1", "DD", "USD", "42.50", "10.63", "53.11", "-0.02", path, "4"],
        ])
        #expect(String(decoding: report.csv, as: UTF8.self).hasPrefix(
            "check,report_date,campaign_id,country_code,currency,spend_media,fees,spend_total,difference,file,line\n"))
    }

    @Test("campaign ids and country codes sort as printed: text that starts like a formula sorts with its '")
    func orderAsPrinted() throws {
        let folder = try TemporaryFolder()
        // Printed, "-a" is "'-a", and "'" (0x27) comes before "(" (0x28); unprinted, "(" comes before "-".
        let lines = [
            ExportLines.breakdown(["campaign_id": #""(b""#, "spend_total": "99.00"]),
            ExportLines.breakdown(["campaign_id": #""-a""#, "spend_total": "99.00"]),
            ExportLines.breakdown(["campaign_id": #""c""#, "country_code": #""(B""#, "spend_total": "99.00"]),
            ExportLines.breakdown(["campaign_id": #""c""#, "country_code": #""+A""#, "spend_total": "99.00"]),
        ]
        let path = try folder.write("b.jsonl", lines.joined(separator: "\n") + "\n")
        let pool = StringPool()
        var reader = ExportReader<BreakdownRow>(pool: pool)
        try reader.read(ExportFile(path: path), index: 0, rejections: CollectedRejections())
        let checks = RowChecks(rows: reader.finish(), period: .all, pool: pool, files: [ExportFile(path: path)])
        let report = checks.report(pool: pool, files: [ExportFile(path: path)])
        let csv = String(decoding: report.csv, as: UTF8.self).split(separator: "\n").dropFirst()
        #expect(csv.map { $0.split(separator: ",", omittingEmptySubsequences: false)[2...3].joined(separator: ",") } == [
            "'-a,US", "(b,US", "c,'+A", "c,(B",
        ])
    }
}
