extension Instant: CustomStringConvertible {
    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC, with the fraction's digits when there is one.
    public var description: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let second = seconds - days * 86_400
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(CalendarDay(daysSinceEpoch: Int32(days)))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))"
        if nanoseconds > 0 {
            var fraction = String(nanoseconds)
            fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }
}
