import Testing
@testable import ReconKit

@Suite("Largest-remainder split (SPEC §12)")
struct LargestRemainderTests {
    /// Worked by hand. Weights are given in tie-break order (engaged_spotify_track_id bytes, file, line).
    ///
    /// 10.00 (10,000,000 units) over streams 1:1:1 — a three-way tie:
    ///   each exact share 3,333,333⅓ → cut to 3,333,333, remainders ⅓ ⅓ ⅓, 1 unit left over;
    ///   the tie goes to the first id: 3,333,334 / 3,333,333 / 3,333,333.
    /// 12.50 over 1:1:1: 4,166,666⅔ each, 2 units left: 4,166,667 / 4,166,667 / 4,166,666.
    /// −1.00 over 2:1 (a refund, split as 1.00 and negated): 666,666⅔ and 333,333⅓, 1 left,
    ///   largest remainder ⅔ is the first: −666,667 / −333,333.
    /// −1.25 over 2:1: 833,333⅓ and 416,666⅔, 1 left, largest remainder ⅔ is the second:
    ///   −833,333 / −416,667 (the leftover goes to the smaller weight).
    /// 7 units over 5:0:2: exact 5 and 2, nothing left: the zero-stream row gets 0.
    /// 1 unit over 1:1 (tie of two at the smallest scale): 1 / 0.
    /// 100 units over 3:3:1: exact 42 6/7, 42 6/7, 14 2/7 → 42, 42, 14 (98), 2 left, to the two 6/7: 43 / 43 / 14.
    static let worked: [(amount: Int64, weights: [Int64], shares: [Int64])] = [
        (10_000_000, [1, 1, 1], [3_333_334, 3_333_333, 3_333_333]),
        (12_500_000, [1, 1, 1], [4_166_667, 4_166_667, 4_166_666]),
        (-1_000_000, [2, 1], [-666_667, -333_333]),
        (-1_250_000, [2, 1], [-833_333, -416_667]),
        (7, [5, 0, 2], [5, 0, 2]),
        (1, [1, 1], [1, 0]),
        (100, [3, 3, 1], [43, 43, 14]),
        (0, [4, 9], [0, 0]),
    ]

    @Test("hand-worked splits", arguments: worked)
    func handWorked(amount: Int64, weights: [Int64], shares: [Int64]) {
        let split = LargestRemainder.split(amount, weights: weights)
        #expect(split == shares)
        #expect(split?.reduce(0, +) == amount, "the shares add up to the amount")
    }

    @Test("no weights, or only zero weights, leave the amount unsplit")
    func nothingToSplitOn() {
        #expect(LargestRemainder.split(5_000_000, weights: []) == nil)
        #expect(LargestRemainder.split(5_000_000, weights: [0, 0]) == nil)
    }

    @Test("a negative amount is the negated split of its absolute value")
    func negativeMirrorsPositive() throws {
        for weights: [Int64] in [[2, 1], [1, 1, 1], [7, 3, 3, 0, 1]] {
            let positive = try #require(LargestRemainder.split(1_234_567, weights: weights))
            #expect(LargestRemainder.split(-1_234_567, weights: weights) == positive.map { -$0 })
        }
    }

    @Test("extreme amounts and weights do not overflow")
    func extremes() throws {
        let split = try #require(LargestRemainder.split(Int64.max, weights: [Int64.max, 1]))
        #expect(split.reduce(Int128(0)) { $0 + Int128($1) } == Int128(Int64.max))
    }
}
