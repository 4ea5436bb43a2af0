import Foundation
import Testing
@testable import ReconKit

@Suite("Workbook")
struct WorkbookReportTests {
    @Test("column kinds: counts, money and shares are numbers, everything else (dates too) is text",
          arguments: [("streams", WorkbookCell.Kind.count), ("line", .count), ("peak_daily_listeners", .count),
                      ("spend_total", .money), ("fees", .money), ("spend_share", .share), ("report_date", .text),
                      ("campaign_id", .text), ("isrc_raw", .text), ("currency", .text)])
    func kinds(column: String, kind: WorkbookCell.Kind) {
        #expect(WorkbookCell.Kind(column: column) == kind)
    }

    @Test("a cell takes its kind from its field: counts, money and shares are numbers, text is text, empty is no cell")
    func cellsFromFields() {
        let pool = StringPool()
        #expect(WorkbookCell(.count(120), pool: pool) == .count("120"))
        #expect(WorkbookCell(.money(MoneyTotal(micros: -10_000)), pool: pool) == .money("-0.01"))
        #expect(WorkbookCell(.share(Rate(millionths: 250_000)), pool: pool) == .share("0.250000"))
        #expect(WorkbookCell(.text("=SUM(A1)"), pool: pool) == .text("=SUM(A1)"))
        #expect(WorkbookCell(.pooled(pool.intern("DE")), pool: pool) == .text("DE"))
        #expect(WorkbookCell(.text(""), pool: pool) == .empty)
        #expect(WorkbookCell(.empty, pool: pool) == .empty)
    }

    @Test("string cells read back as the text: literal _xHHHH_ escaped, NUL as U+FFFD (as in the CSV), cut at Excel's limit",
          arguments: [("Plain title", "Plain title"), ("A_x000D_B", "A_x005F_x000D_B"), ("_x0041_", "_x005F_x0041_"),
                      ("_x00G1_ and _x", "_x00G1_ and _x"), ("nul\0here", "nul\u{FFFD}here"), ("snake_case_x", "snake_case_x")])
    func cellText(text: String, written: String) {
        #expect(Workbook.cellText(text) == written)
    }

    @Test("text longer than a cell holds is cut at 32,767 characters")
    func longText() {
        #expect(Workbook.cellText(String(repeating: "é", count: 40_000)).unicodeScalars.count == 32_767)
    }

    @Test("creation time: the period's last day, else 1980-01-01T00:00:00Z")
    func creationTime() throws {
        let april = try #require(Period(month: "2026-04"))
        #expect(WorkbookReport.creationTime(april) == 1_777_507_200)  // 2026-04-30T00:00:00Z
        #expect(WorkbookReport.creationTime(.all) == 315_532_800)
        #expect(WorkbookReport.creationTime(Period(from: CalendarDay("2026-04-01"), to: nil)) == 315_532_800)
    }

    @Test("a sheet past its cap is cut, says how many lines are left, and Summary names it")
    func cut() {
        let table = { (count: Int) in
            WorkbookSheet("Tracks", file: "tracks.csv", report: ReportLines(columns: ["streams"], count: count, pool: StringPool()) {
                [.integer($0)]
            }, cap: 50_000)
        }
        #expect(!table(50_000).isCut)
        #expect(table(50_001).isCut)
        #expect(table(50_001).shownLines == 50_000)
        #expect(table(123_456).cutNotice == "… 73456 more lines in tracks.csv")
        let summary = RunSummary(settings: RunSettings())
        let rows = WorkbookReport.summaryRows(summary, sheets: [table(10), table(60_000)]).rows
        let texts = rows.map { $0.map { cell -> String in
            switch cell {
            case let .text(text), let .count(text), let .money(text), let .share(text): text
            case .empty: ""
            }
        } }
        #expect(texts.contains(["Tracks", "50000", "60000", "tracks.csv"]))
        #expect(texts.filter { $0.first == "Tracks" }.count == 1, "only the cut sheet is named")
    }

    @Test("a workbook with a long sheet is written in constant memory and is a zip file")
    func writesLongSheet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = ReportLines(columns: ["report_date", "streams", "spend_total"], count: 50_003, pool: StringPool()) {
            [.text("2026-04-01"), .integer($0), .money(MoneyTotal(micros: -1_005_000))]
        }
        let sheet = WorkbookSheet("Unmatched", file: "unmatched.csv", report: report, cap: 50_000)
        try WorkbookReport.write(path: folder + "/report.xlsx", displayPath: "out/report.xlsx",
                                 summary: RunSummary(settings: RunSettings()), sheets: [sheet])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/report.xlsx"))
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
    }

    @Test("an unwritable path is an error naming the file")
    func unwritable() {
        #expect(throws: ReconError.self) {
            try WorkbookReport.write(path: "/nonexistent-folder/report.xlsx", displayPath: "out/report.xlsx",
                                     summary: RunSummary(settings: RunSettings()), sheets: [])
        }
    }
}
