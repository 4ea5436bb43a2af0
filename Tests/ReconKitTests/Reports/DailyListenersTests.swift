import Testing
@testable import ReconKit

@Suite("Listeners per day")
struct DailyListenersTests {
    private func day(_ offset: Int32) -> CalendarDay { CalendarDay(daysSinceEpoch: 20_544 + offset) }

    @Test("sums within a day, never across days, whatever order the days come in")
    func byHand() {
        var listeners = DailyListeners()
        #expect(listeners.days == 0 && listeners.peak == 0)
        listeners.add(10, on: day(5))
        listeners.add(7, on: day(2))   // before the first day seen
        listeners.add(4, on: day(5))   // day 5: 14
        listeners.add(0, on: day(9))   // a day with rows but no listeners still counts
        listeners.add(13, on: day(2))  // day 2: 20
        #expect(listeners.days == 3)
        #expect(listeners.peak == 20)
    }

    @Test("days far apart (an open period) give the same answers", arguments: [1, 40, 3_000, 2_000_000])
    func farApart(gap: Int32) {
        var listeners = DailyListeners()
        listeners.add(3, on: day(0))
        listeners.add(5, on: day(gap))
        listeners.add(2, on: day(0))
        listeners.add(1, on: day(-gap))
        #expect(listeners.days == 3)
        #expect(listeners.peak == 5)
    }

    @Test("agrees with a dictionary of sums on random rows")
    func againstDictionary() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var listeners = DailyListeners()
            var model: [Int32: Int128] = [:]
            let spread = Int32.random(in: 1...400, using: &generator)
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                let offset = Int32.random(in: -spread...spread, using: &generator)
                let count = Int128(Int64.random(in: 0...Int64.max, using: &generator))
                listeners.add(count, on: day(offset))
                model[offset, default: 0] += count
            }
            #expect(listeners.days == model.count)
            #expect(listeners.peak == (model.values.max() ?? 0))
        }
    }
}
