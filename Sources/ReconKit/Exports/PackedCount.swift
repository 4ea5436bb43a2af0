/// A `Count` in 32 bits: values below 2³¹ inline, "not reported" as a sentinel, and larger
/// values as the position of their exact value in a side list (`LargeCounts`): none is
/// clamped or lost.
struct PackedCount: Equatable, Sendable {
    private let raw: UInt32

    private static let notReportedRaw = UInt32.max
    private static let escape: UInt32 = 1 << 31
    /// The largest value stored inline.
    static let maxInline = Int64(escape) - 1

    init(_ count: Count, large: inout LargeCounts) {
        guard let value = count.value else {
            raw = Self.notReportedRaw
            return
        }
        raw = value <= Self.maxInline ? UInt32(value) : Self.escape | large.append(value)
    }

    func count(_ large: LargeCounts) -> Count {
        if raw == Self.notReportedRaw { return .notReported }
        if raw & Self.escape == 0 { return Count(Int64(raw)) }
        return Count(large[raw & ~Self.escape])
    }
}

/// The exact values of counts too large for a `PackedCount`, by position.
struct LargeCounts: Sendable {
    private(set) var values: [Int64] = []

    init() {}

    /// Counts stored before (the re-run cache).
    init(_ values: [Int64]) { self.values = values }

    /// Stores `value`; returns its position (below 2³¹ - 1, the sentinel excluded).
    mutating func append(_ value: Int64) -> UInt32 {
        precondition(values.count < Int(UInt32.max >> 1), "more than 2^31 - 1 counts of 2^31 or more")
        values.append(value)
        return UInt32(values.count - 1)
    }

    subscript(position: UInt32) -> Int64 { values[Int(position)] }
}
