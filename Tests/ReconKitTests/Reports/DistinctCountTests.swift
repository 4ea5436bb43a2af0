import Testing
import TestSupport
@testable import ReconKit

@Suite("Distinct values of a report line")
struct DistinctCountTests {
    @Test("counts repeats once, before and after the list turns into a set")
    func byHand() {
        var count = DistinctCount<Int>()
        #expect(count.count == 0)
        for value in [7, 7, 3, 7, 3, 3] { count.insert(value) }
        #expect(count.count == 2)
        // One past the list's limit: the values move to a set.
        for value in 100..<(100 + DistinctCount<Int>.listLimit) { count.insert(value) }
        #expect(count.count == 2 + DistinctCount<Int>.listLimit)
        for value in [7, 3, 100, 131, 131, 7] { count.insert(value) }
        #expect(count.count == 2 + DistinctCount<Int>.listLimit)
        count.insert(-1)
        #expect(count.count == 3 + DistinctCount<Int>.listLimit)
    }

    @Test("agrees with a set on random values, and a union with the union of two sets")
    func againstSet() {
        var generator = SeededGenerator(seed: 20261130)
        for _ in 0..<300 {
            let spread = Int.random(in: 1...80, using: &generator)
            var (left, right) = (DistinctCount<Int>(), DistinctCount<Int>())
            var (leftModel, rightModel) = (Set<Int>(), Set<Int>())
            for _ in 0..<Int.random(in: 0...120, using: &generator) {
                let value = Int.random(in: 0..<spread, using: &generator)
                if Bool.random(using: &generator) {
                    left.insert(value)
                    leftModel.insert(value)
                } else {
                    right.insert(value + spread / 2)
                    rightModel.insert(value + spread / 2)
                }
            }
            #expect(left.count == leftModel.count)
            #expect(right.count == rightModel.count)
            left.formUnion(right)
            #expect(left.count == leftModel.union(rightModel).count)
        }
    }
}
