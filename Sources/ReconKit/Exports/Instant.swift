/// An ISO-8601 instant (`2026-05-20T03:00:00Z`, fractions and offsets allowed) as seconds
/// since 1970-01-01T00:00:00Z plus nanoseconds, so that spellings of one instant compare equal.
/// Seconds and nanoseconds are kept apart so that every year from 1 to 9999 fits.
public struct Instant: Hashable, Comparable, Sendable {
    public let seconds: Int64
    public let nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM|±HH)`.
    public init?(_ text: String) {
        var text = text
        guard let instant = text.withUTF8({ Self.parse(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = instant
    }

    /// Midnight UTC at the start of `day`.
    public init(startOf day: CalendarDay) {
        self.init(seconds: Int64(day.daysSinceEpoch) * 86_400)
    }

    static func parse(_ bytes: UnsafeRawBufferPointer) -> Instant? {
        guard bytes.count >= 20, let day = CalendarDay.parse(UnsafeRawBufferPointer(rebasing: bytes[0..<10])),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = CalendarDay.digits(bytes, 11, 2), hour < 24,
              let minute = CalendarDay.digits(bytes, 14, 2), minute < 60,
              let second = CalendarDay.digits(bytes, 17, 2), second < 60
        else { return nil }
        var index = 19
        var fraction: Int32 = 0
        if bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
            var scale: Int32 = 100_000_000
            let start = index
            while index < bytes.count, bytes[index] &- 48 < 10 {
                fraction += Int32(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            if index == start { return nil }
        }
        guard index < bytes.count, let offsetSeconds = offset(UnsafeRawBufferPointer(rebasing: bytes[index...]))
        else { return nil }
        let seconds = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offsetSeconds
        return Instant(seconds: seconds, nanoseconds: fraction)
    }

    /// `Z`, `±HH`, `±HHMM` or `±HH:MM`, in seconds east of UTC.
    private static func offset(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        if bytes.count == 1, bytes[0] | 0x20 == UInt8(ascii: "z") { return 0 }
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
              let hours = CalendarDay.digits(bytes, 1, 2), hours < 24 else { return nil }
        var minutes = 0
        switch bytes.count {
        case 3: break
        case 5: guard let value = CalendarDay.digits(bytes, 3, 2), value < 60 else { return nil }
            minutes = value
        case 6: guard bytes[3] == UInt8(ascii: ":"), let value = CalendarDay.digits(bytes, 4, 2), value < 60
            else { return nil }
            minutes = value
        default: return nil
        }
        let seconds = Int64(hours * 3600 + minutes * 60)
        return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}
