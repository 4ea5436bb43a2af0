import Testing
@testable import ReconKit
import TestSupport

@Suite("Overview tie-out")
struct TieOutTests {
    /// Reads breakdown lines (one file per list, in order) into de-duplicated rows.
    private func rows(_ files: [[String]]) throws -> (ChunkedRows<BreakdownRow>, StringPool) {
        let folder = try TemporaryFolder()
        let pool = StringPool()
        var reader = ExportReader<BreakdownRow>(pool: pool)
        for (index, lines) in files.enumerated() {
            let path = try folder.write("b\(index).jsonl", lines.joined(separator: "\n") + "\n")
            try reader.read(ExportFile(path: path), index: index, rejections: CollectedRejections())
        }
        return (reader.finish(), pool)
    }

    private func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    private func overview(
        _ start: String, _ end: String, currency: String? = "USD", _ values: [TieOutMeasure: Int128]
    ) -> Overview {
        Overview(path: "overview_camp-1_\(start)_\(end).json", campaignID: "camp-1", start: day(start), end: day(end),
                 currency: currency, values: values)
    }

    /// A line's fields as `reconciliation.csv` prints them (no field here needs the formula guard).
    private func printed(_ line: TieOutLine) -> [String] { line.fields.map { $0.printed(StringPool()) } }

    private func line(_ tieOut: TieOut, _ measure: TieOutMeasure, window: Int = 0) -> TieOutLine {
        tieOut.lines[window * TieOutMeasure.allCases.count + TieOutMeasure.allCases.firstIndex(of: measure)!]
    }

    @Test("a day missing from the export shows as a mismatch of that day's figures")
    func missingDay() throws {
        let (rows, pool) = try rows([[
            ExportLines.breakdown(["report_date": #""2026-04-01""#]),
            ExportLines.breakdown(["report_date": #""2026-04-02""#]),
        ]])
        let full = overview("2026-04-01", "2026-04-03", [.streams: 609, .spendTotal: 159_390_000, .listeners: 435])
        let tieOut = TieOut(overviews: [full], period: Period(month: "2026-04")!, rows: rows, pool: pool)
        let streams = line(tieOut, .streams)
        #expect(streams.exports == 406)
        #expect(printed(streams) == ["camp-1", "2026-04-01", "2026-04-03", "streams", "609", "406", "203", "mismatch"])
        #expect(printed(line(tieOut, .spendTotal)).suffix(4) == ["159.39", "106.26", "53.13", "mismatch"])
        #expect(tieOut.counts.mismatches == 3)
        #expect(tieOut.counts.notReported == 6)
    }

    @Test("a re-fetched day replaces the earlier rows: the exports column does not double")
    func doubledDay() throws {
        let (rows, pool) = try rows([
            [ExportLines.breakdown(["report_date": #""2026-04-01""#]),
             ExportLines.breakdown(["report_date": #""2026-04-02""#])],
            [ExportLines.breakdown(["report_date": #""2026-04-02""#, "exported_at": #""2026-05-27T03:00:00Z""#,
                                    "streams": "250", "spend_total": "60.00"])],
        ])
        let window = overview("2026-04-01", "2026-04-02", [.streams: 453, .spendTotal: 113_130_000])
        let tieOut = TieOut(overviews: [window], period: .all, rows: rows, pool: pool)
        #expect(line(tieOut, .streams).exports == 453)
        #expect(line(tieOut, .streams).status == .ok)
        #expect(printed(line(tieOut, .spendTotal)).suffix(4) == ["113.13", "113.13", "0.00", "ok"])
        #expect(tieOut.counts.mismatches == 0)
    }

    @Test("money sums only rows in the overview's currency; counts sum every row")
    func currency() throws {
        let (rows, pool) = try rows([[
            ExportLines.breakdown(["country_code": #""US""#]),
            ExportLines.breakdown(["country_code": #""DE""#, "currency": #""eur""#, "spend_media": "8.00",
                                   "fees": "2.00", "spend_total": "10.00"]),
        ]])
        let usd = overview("2026-04-01", "2026-04-01", [.streams: 406, .spendTotal: 53_130_000])
        let eur = overview("2026-04-01", "2026-04-01", currency: "EUR", [.spendMedia: 8_000_000, .fees: 2_000_000])
        let tieOut = TieOut(overviews: [usd, eur], period: .all, rows: rows, pool: pool)
        #expect(line(tieOut, .streams).status == .ok)
        #expect(line(tieOut, .spendTotal).exports == 53_130_000)
        #expect(line(tieOut, .spendTotal).status == .ok)
        #expect(line(tieOut, .spendMedia, window: 1).exports == 8_000_000)
        #expect(line(tieOut, .fees, window: 1).status == .ok)
        #expect(printed(line(tieOut, .spendTotal, window: 1)).suffix(4) == ["", "10.00", "", "not_reported"])
    }

    @Test("a window straddling the period sums rows of every date; a window outside the period is skipped")
    func straddle() throws {
        let dates = ["2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02"]
        let (rows, pool) = try rows([dates.map { ExportLines.breakdown(["report_date": "\"\($0)\""]) }])
        let straddling = overview("2026-03-30", "2026-04-02", [.streams: 812, .followers: 48])
        let outside = overview("2026-03-01", "2026-03-15", [.streams: 1])
        let tieOut = TieOut(overviews: [outside, straddling], period: Period(month: "2026-04")!, rows: rows, pool: pool)
        #expect(tieOut.counts.windows == 1)
        #expect(tieOut.counts.windowsSkipped == 1)
        #expect(tieOut.lines.count == TieOutMeasure.allCases.count)
        #expect(line(tieOut, .streams).exports == 812)
        #expect(line(tieOut, .streams).status == .ok)
        #expect(line(tieOut, .followers).status == .ok)
    }

    @Test("money within a cent ties out, a count must be equal", arguments: [
        (TieOutMeasure.spendTotal, Int128(53_140_000), TieOutLine.Status.ok),
        (.spendTotal, 53_120_000, .ok),
        (.spendTotal, 53_140_001, .mismatch),
        (.streams, 204, .mismatch),
        (.streams, 203, .ok),
    ])
    func tolerance(measure: TieOutMeasure, value: Int128, status: TieOutLine.Status) throws {
        let (rows, pool) = try rows([[ExportLines.breakdown()]])
        let window = overview("2026-04-01", "2026-04-01", [measure: value])
        let tieOut = TieOut(overviews: [window], period: .all, rows: rows, pool: pool)
        #expect(line(tieOut, measure).status == status)
    }

    @Test("lines are sorted by campaign, window start and end, then measure order")
    func order() throws {
        let (rows, pool) = try rows([[ExportLines.breakdown()]])
        let later = overview("2026-04-02", "2026-04-03", [:])
        let earlier = overview("2026-04-01", "2026-04-03", [:])
        let other = Overview(path: "o.json", campaignID: "a-camp", start: day("2026-04-05"), end: day("2026-04-05"),
                             currency: nil, values: [:])
        let tieOut = TieOut(overviews: [later, earlier, other], period: .all, rows: rows, pool: pool)
        #expect(tieOut.lines.map { "\($0.campaignID) \($0.start)" }.enumerated().filter { $0.offset % 9 == 0 }.map(\.element)
                == ["a-camp 2026-04-05", "camp-1 2026-04-01", "camp-1 2026-04-02"])
        #expect(tieOut.lines.prefix(9).map(\.measure.rawValue) == [
            "streams", "listeners", "followers", "impressions", "ad_clicks", "link_clicks", "spend_media", "fees", "spend_total",
        ])
        #expect(String(decoding: tieOut.report(pool: pool).csv, as: UTF8.self).hasPrefix("campaign_id,window_start,window_end,measure,overview,exports,difference,status\n"))
    }

    @Test("campaign ids sort as printed: one that starts like a formula sorts with its '")
    func orderAsPrinted() throws {
        let (rows, pool) = try rows([[ExportLines.breakdown()]])
        // Printed, "-a" is "'-a", and "'" (0x27) comes before "(" (0x28); unprinted, "(" comes before "-".
        let windows = ["(b", "-a"].map {
            Overview(path: "o.json", campaignID: $0, start: day("2026-04-01"), end: day("2026-04-01"), currency: nil, values: [:])
        }
        let tieOut = TieOut(overviews: windows, period: .all, rows: rows, pool: pool)
        let csv = String(decoding: tieOut.report(pool: pool).csv, as: UTF8.self)
        #expect(csv.split(separator: "\n").dropFirst().map { $0.prefix(3) }.enumerated()
            .filter { $0.offset % 9 == 0 }.map { String($0.element) } == ["'-a", "(b,"])
    }
}
