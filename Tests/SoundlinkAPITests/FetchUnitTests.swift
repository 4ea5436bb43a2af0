import Foundation
import ReconKit
import Synchronization
import Testing
@testable import SoundlinkAPI

@Suite("Windows, rows, pages, pacing, settings")
struct FetchUnitTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    @Test("a period is cut into consecutive windows of at most 90 days from its first day", arguments: [
        ("2026-04-01", "2026-04-30", ["2026-04-01..2026-04-30"]),
        ("2026-01-01", "2026-03-31", ["2026-01-01..2026-03-31"]),
        ("2026-01-01", "2026-04-01", ["2026-01-01..2026-03-31", "2026-04-01..2026-04-01"]),
        ("2025-01-01", "2025-12-31", ["2025-01-01..2025-03-31", "2025-04-01..2025-06-29", "2025-06-30..2025-09-27",
                                     "2025-09-28..2025-12-26", "2025-12-27..2025-12-31"]),
        ("2026-02-28", "2026-02-28", ["2026-02-28..2026-02-28"]),
    ])
    func windows(from: String, to: String, expected: [String]) {
        let windows = FetchWindow.cut(from: Self.day(from), to: Self.day(to))
        #expect(windows.map(\.description) == expected)
        #expect(windows.allSatisfy { $0.days <= 90 && $0.days >= 1 })
        for (a, b) in zip(windows, windows.dropFirst()) { #expect(a.end.adding(days: 1) == b.start) }
    }

    @Test("file names follow the export's suggested names")
    func fileNames() {
        let window = FetchWindow(start: Self.day("2026-04-01"), end: Self.day("2026-04-30"))
        #expect(FetchKind.breakdown.relativePath(campaign: "c1", window: window) == "breakdown/breakdown_c1_2026-04-01_2026-04-30.jsonl")
        #expect(FetchKind.engagement.relativePath(campaign: "c1", window: window) == "engagement/engagement_c1_2026-04-01_2026-04-30.jsonl")
        #expect(FetchKind.overview.relativePath(campaign: "c1", window: window) == "overview/overview_c1_2026-04-01_2026-04-30.json")
    }

    static let finalRow = #"{"report_date":"2026-04-01","exported_at":"2026-04-09T00:00:00Z","x":"a\nb"}"#
    static let provisionalRow = #"{"report_date":"2026-04-01","exported_at":"2026-04-08T23:59:59.999Z"}"#

    @Test("rows are counted and judged final whatever the chunking", arguments: [1, 2, 3, 7, 64, 10_000])
    func lineCounter(chunk: Int) {
        for (lines, rows, final) in [
            ([Self.finalRow, Self.finalRow], 2, true),
            ([Self.finalRow, Self.provisionalRow], 2, false),
            ([Self.finalRow, "", "  ", Self.finalRow], 2, true),
            ([#"{"report_date":"2026-04-01","exported_at":null}"#], 1, false),
            ([#"{"report_date" : "2026-04-01", "exported_at" : "2026-05-01T00:00:00+02:00"}"#], 1, true),
        ] as [([String], Int, Bool)] {
            for trailingNewline in [true, false] {
                let text = lines.joined(separator: "\n") + (trailingNewline ? "\n" : "")
                let bytes = Array(text.utf8)
                var counter = ExportLineCounter()
                var start = 0
                while start < bytes.count {
                    counter.feed(bytes[start..<min(start + chunk, bytes.count)])
                    start += chunk
                }
                counter.finish()
                #expect(counter.rows == rows, "\(lines) chunk \(chunk)")
                #expect(counter.allFinal == final, "\(lines) chunk \(chunk)")
            }
        }
    }

    @Test("a line over 1 MiB is counted but not inspected, so its window is not final", arguments: [4096, 1 << 21])
    func overlongLine(chunk: Int) {
        let long = #"{"report_date":"2026-04-01","exported_at":"2026-05-20T00:00:00Z","pad":""# + String(repeating: "x", count: 1_500_000) + "\"}"
        let bytes = Array((Self.finalRow + "\n" + long + "\n" + Self.finalRow).utf8)
        var counter = ExportLineCounter()
        var start = 0
        while start < bytes.count {
            counter.feed(bytes[start..<min(start + chunk, bytes.count)])
            start += chunk
        }
        counter.finish()
        #expect(counter.rows == 3 && !counter.allFinal)
    }

    @Test("rows of another campaign or of days outside the window are counted and keep it provisional")
    func outOfWindowRows() throws {
        let row = { (campaign: String, day: String) in
            #"{"campaign_id":"\#(campaign)","report_date":"\#(day)","exported_at":"2026-06-01T00:00:00Z"}"#
        }
        let april = try #require(CalendarDay("2026-04-01"))...(try #require(CalendarDay("2026-04-30")))
        var counter = ExportLineCounter(campaign: "c1", days: april)
        counter.feed(Array([row("c1", "2026-04-01"), row("c1", "2026-04-30")].joined(separator: "\n").utf8))
        counter.finish()
        #expect(counter.rows == 2 && counter.outOfWindow == 0 && counter.allFinal)
        for (campaign, day) in [("OTHER", "2026-04-10"), ("c1", "2026-03-31"), ("c1", "2026-05-01"), ("c10", "2026-04-10")] {
            var mixed = ExportLineCounter(campaign: "c1", days: april)
            mixed.feed(Array((row("c1", "2026-04-01") + "\n" + row(campaign, day) + "\n").utf8))
            mixed.finish()
            #expect(mixed.rows == 2 && mixed.outOfWindow == 1 && !mixed.allFinal, "\(campaign) \(day)")
        }
    }

    @Test("an empty export has no rows and no provisional row")
    func emptyExport() {
        var counter = ExportLineCounter()
        counter.finish()
        #expect(counter.rows == 0 && counter.allFinal)
    }

    @Test("paginated items come out minified, one per line, whatever the chunking", arguments: [1, 2, 5, 1000])
    func pageItems(chunk: Int) {
        let body = """
            { "meta" : {"requestId":"x"}, "data" : { "schemaVersion": "1.0",
              "items" : [ { "a" : 1, "b" : "x y\\" ,]}", "c" : [ 1 , 2 ], "d": {"e" : null} } ,
                          {"a":2.50} ],
              "pagination" : { "page" : 1, "pageSize" : 2, "totalCount" : 2, "totalPages" : 1 } } }
            """
        let bytes = Array(body.utf8)
        var extractor = PageItemExtractor()
        var items: [String] = []
        var start = 0
        while start < bytes.count {
            extractor.feed(bytes[start..<min(start + chunk, bytes.count)]) { items.append(String(decoding: $0, as: UTF8.self)) }
            start += chunk
        }
        #expect(items == [#"{"a":1,"b":"x y\" ,]}","c":[1,2],"d":{"e":null}}"#, #"{"a":2.50}"#])
        #expect(String(decoding: extractor.pagination, as: UTF8.self) == #"{"page":1,"pageSize":2,"totalCount":2,"totalPages":1}"#)
        #expect(extractor.isComplete)
        #expect(extractor.itemCount == 2)
    }

    @Test("a page cut short is not complete")
    func pageCut() {
        var extractor = PageItemExtractor()
        extractor.feed(Array(#"{"data":{"items":[{"a":1},{"b""#.utf8)) { _ in }
        #expect(!extractor.isComplete)
        #expect(extractor.itemCount == 1)
    }

    @Test("back-off doubles from the base up to the cap, jitter within half to all of it")
    func backoff() {
        let backoff = Backoff(base: 1, cap: 60)
        #expect((1...8).map { backoff.delay(afterAttempt: $0, random: 1) } == [1, 2, 4, 8, 16, 32, 60, 60])
        #expect(backoff.delay(afterAttempt: 3, random: 0) == 2)
        for attempt in 1...10 {
            let delay = backoff.delay(afterAttempt: attempt)
            #expect(delay >= 0.5 && delay <= 60)
        }
    }

    @Test("pacing: no 60 seconds hold more than the per-minute limit, no hour more than the per-hour one")
    func pacing() async throws {
        let clock = VirtualClock()
        let pacer = RatePacer(perMinute: 3, perHour: 7, clock: clock)
        var times: [Double] = []
        for _ in 0..<10 {
            try await pacer.acquire()
            times.append(clock.now())
        }
        #expect(times == [0, 0, 0, 60, 60, 60, 120, 3600, 3600, 3600])
    }

    @Test("a 429 pause holds every request until it ends")
    func pause() async throws {
        let clock = VirtualClock()
        let pacer = RatePacer(perMinute: 60, perHour: 600, clock: clock)
        try await pacer.acquire()
        await pacer.pause(seconds: 30)
        try await pacer.acquire()
        #expect(clock.now() == 30)
    }

    @Test("the HTTP Date header is read as UTC seconds")
    func httpDate() {
        #expect(HTTPDate.parse("Thu, 09 Apr 2026 00:00:00 GMT") == Double(Instant(startOf: Self.day("2026-04-09")).seconds))
        #expect(HTTPDate.parse("Thu, 09 Apr 2026 00:00:01 UTC") == nil)
    }

    @Test("the API key never prints")
    func keyHidden() throws {
        let key = try #require(APIKey("sk_live_secret"))
        #expect("\(key)" == "<API key>")
        #expect(String(reflecting: key) == "<API key>")
        #expect(APIKey("") == nil)
    }
}

/// A clock whose sleeps pass at once, moving time forward.
final class VirtualClock: FetchClock {
    private let current = Mutex(0.0)

    func now() -> Double { current.withLock { $0 } }

    func sleep(seconds: Double) async throws {
        current.withLock { $0 += max(0, seconds) }
    }
}
