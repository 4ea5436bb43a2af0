/// A count from an export row: a non-negative integer, or "not reported" (JSON null or absent).
///
/// Kept distinct from 0 in the code, but stored in 8 bytes with a sentinel rather than
/// as `Int64?` (16 bytes), which keeps rows small: memory grows with distinct keys.
struct Count: Equatable, Sendable {
    private let raw: Int64

    /// JSON null or an absent field.
    static let notReported = Count(raw: -1)

    private init(raw: Int64) { self.raw = raw }

    init(_ value: Int64) {
        precondition(value >= 0, "counts are never negative")
        raw = value
    }

    /// The reported value, or nil when not reported.
    var value: Int64? { raw < 0 ? nil : raw }

    /// What the count adds to a sum: "not reported" adds 0.
    var summable: Int128 { Int128(max(raw, 0)) }
}
