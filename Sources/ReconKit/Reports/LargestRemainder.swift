/// Splits a whole number of units in proportion to weights, exactly (SPEC §12).
enum LargestRemainder {
    /// Each weight's share of `amount`: rounded toward zero, then the units left over go one
    /// each to the largest remainders, ties to the earlier weight (callers order the weights by
    /// their tie-break). A negative amount is split as its absolute value and negated.
    /// Returns nil when the weights sum to 0 (nothing to split on). Weights must not be negative.
    static func split(_ amount: Int64, weights: [Int64]) -> [Int64]? {
        let total = weights.reduce(Int128(0)) { $0 + Int128($1) }
        guard total > 0 else { return nil }
        let magnitude = Int128(amount.magnitude)
        var shares = weights.map { magnitude * Int128($0) / total }
        let remainders = weights.map { magnitude * Int128($0) % total }
        var left = magnitude - shares.reduce(0, +)
        // left < the number of nonzero remainders, so a zero weight never gets a unit.
        let order = weights.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for index in order where left > 0 {
            shares[index] += 1
            left -= 1
        }
        return shares.map { amount < 0 ? -Int64($0) : Int64($0) }
    }
}
