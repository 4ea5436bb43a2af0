import Testing
@testable import ReconKit

@Suite("Dates and instants")
struct DateTimeTests {
    @Test("calendar days round-trip and reject impossible dates")
    func days() {
        #expect(CalendarDay("1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDay("2026-04-01")?.daysSinceEpoch == 20544)
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(CalendarDay("2026-02-29") == nil)
        #expect(CalendarDay("2026-02-30") == nil)
        #expect(CalendarDay("2026-13-01") == nil)
        #expect(CalendarDay("2026-4-01") == nil)
        #expect(CalendarDay("2026-04-01T00:00:00Z") == nil)
        for text in ["2000-02-29", "1999-12-31", "2026-04-30", "2100-03-01"] {
            #expect(CalendarDay(text)?.description == text)
        }
    }

    @Test("instants compare as instants")
    func instants() throws {
        let plain = try #require(Instant("2026-05-20T03:00:00Z"))
        #expect(Instant("2026-05-20T03:00:00.000Z") == plain)
        #expect(Instant("2026-05-20T05:00:00+02:00") == plain)
        #expect(Instant("2026-05-19T22:00:00-0500") == plain)
        #expect(Instant("2026-05-20T03:00:00.001Z")! > plain)
        #expect(Instant("2026-05-20T03:00:00") == nil)
        #expect(Instant("2026-05-20 03:00:00Z") == nil)
        #expect(Instant("yesterday") == nil)
        #expect(Instant("2026-05-20T25:00:00Z") == nil)
        #expect(Instant("2026-02-30T03:00:00Z") == nil)
    }

    @Test("far-future instants do not overflow (found by fuzzing)")
    func farFuture() throws {
        let late = try #require(Instant("8160-05-05T03:00:00Z"))
        #expect(try #require(Instant("9999-12-31T23:59:59.999999999Z")) > late)
        #expect(try #require(Instant("0001-01-01T00:00:00Z")) < late)
    }

    @Test("provisional until report_date + 8 days at 00:00 UTC")
    func provisional() throws {
        let day = try #require(CalendarDay("2026-04-01"))
        #expect(Instant(startOf: day.adding(days: 8)) == Instant("2026-04-09T00:00:00Z"))
    }

    @Test("periods: months, open ends, inclusive end")
    func periods() throws {
        let april = try #require(Period(month: "2026-04"))
        #expect(april.from?.description == "2026-04-01")
        #expect(april.to?.description == "2026-04-30")
        #expect(Period(month: "2024-02")?.to?.description == "2024-02-29")
        #expect(Period(month: "2026-13") == nil)
        let open = Period(from: CalendarDay("2026-04-10"), to: nil)
        #expect(open.contains(CalendarDay("2030-01-01")!))
        #expect(!open.contains(CalendarDay("2026-04-09")!))
        #expect(april.contains(CalendarDay("2026-04-30")!))
        #expect(!april.contains(CalendarDay("2026-05-01")!))
    }
}
