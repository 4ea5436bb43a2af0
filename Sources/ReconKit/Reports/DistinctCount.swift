/// How many distinct values a report line has seen (its campaigns, countries, days).
///
/// Consecutive rows of a line mostly repeat the value before, so a repeat of the last new
/// value is recognised without looking further. A line holds few distinct values (a month of
/// days at most, as a rule): up to `listLimit` are kept in a list, whose search costs less than
/// hashing; a line with more moves them to a set.
struct DistinctCount<Value: Hashable & Sendable>: Sendable {
    /// The values while there are few (the last new one last); once they are in `spilled`, only
    /// the last value added.
    private var list: [Value] = []
    private var spilled: Set<Value>?

    /// Values a line keeps in its list before moving them to a set.
    static var listLimit: Int { 32 }

    /// Distinct values added.
    var count: Int { spilled?.count ?? list.count }

    mutating func insert(_ value: Value) {
        if list.last == value { return }
        if spilled != nil {
            spilled!.insert(value)
            list[0] = value
            return
        }
        if list.contains(value) { return }
        guard list.count < Self.listLimit else {
            spilled = Set(list)
            spilled!.insert(value)
            list = [value]
            return
        }
        list.append(value)
    }

    /// Adds the values another count has seen.
    mutating func formUnion(_ other: DistinctCount) {
        if let values = other.spilled {
            for value in values { insert(value) }
        } else {
            for value in other.list { insert(value) }
        }
    }
}
