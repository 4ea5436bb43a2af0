/// How many distinct values a report line has seen (its campaigns, countries, days).
///
/// Consecutive rows of a line mostly repeat the value before, so a repeat of the last value
/// added is recognised without hashing it.
struct DistinctCount<Value: Hashable & Sendable>: Sendable {
    private var seen = Set<Value>()
    private var last: Value?

    /// Distinct values added.
    var count: Int { seen.count }

    mutating func insert(_ value: Value) {
        if value == last { return }
        seen.insert(value)
        last = value
    }

    /// Adds the values another count has seen.
    mutating func formUnion(_ other: DistinctCount) {
        seen.formUnion(other.seen)
    }
}
