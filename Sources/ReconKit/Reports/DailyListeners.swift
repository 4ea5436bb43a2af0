/// Listeners of one `tracks.csv` line summed within each day, never across days: how many
/// days had rows, and the largest one-day sum.
///
/// Held as one sum per day from the first day seen to the last (a month of days is about
/// 0.5 KB, where a dictionary takes nearly three times that, and a large month has hundreds
/// of thousands of lines). Days spread far apart (an open period) switch it to a dictionary,
/// so the run of days never holds more than four slots per day seen, plus a few.
struct DailyListeners: Sendable {
    /// The day of `sums[0]`.
    private var first: Int32 = 0
    /// Per day from `first`; `Self.noRows` for a day without rows.
    private var sums: [Int128] = []
    private var sparse: [Int32: Int128]?
    private var dayCount = 0

    private static let noRows = Int128.min

    /// Days with rows.
    var days: Int { dayCount }

    /// The largest one-day sum (0 when no day has rows).
    var peak: Int128 {
        if let sparse { return sparse.values.max() ?? 0 }
        return max(0, sums.max() ?? 0)
    }

    mutating func add(_ listeners: Int128, on day: CalendarDay) {
        let day = day.daysSinceEpoch
        if sparse != nil {
            if sparse![day] == nil { dayCount += 1 }
            sparse![day, default: 0] += listeners
            return
        }
        if sums.isEmpty { first = day }
        let low = min(first, day)
        let high = max(first + Int32(sums.count) - 1, day)
        if Int(high) - Int(low) + 1 > 4 * (dayCount + 1) + 16 {
            sparse = Dictionary(uniqueKeysWithValues: sums.enumerated().filter { $0.element != Self.noRows }
                .map { (first + Int32($0.offset), $0.element) })
            sums = []
            return add(listeners, on: CalendarDay(daysSinceEpoch: day))
        }
        if day < first {
            sums.insert(contentsOf: repeatElement(Self.noRows, count: Int(first - day)), at: 0)
            first = day
        } else if Int(day - first) >= sums.count {
            sums.append(contentsOf: repeatElement(Self.noRows, count: Int(day - first) - sums.count + 1))
        }
        let index = Int(day - first)
        if sums[index] == Self.noRows {
            sums[index] = 0
            dayCount += 1
        }
        sums[index] += listeners
    }

    /// Adds the listeners of other rows of the same line, day by day.
    mutating func merge(_ other: DailyListeners) {
        if let days = other.sparse {
            for (day, sum) in days { add(sum, on: CalendarDay(daysSinceEpoch: day)) }
        } else {
            for (offset, sum) in other.sums.enumerated() where sum != Self.noRows {
                add(sum, on: CalendarDay(daysSinceEpoch: other.first + Int32(offset)))
            }
        }
    }
}
