import Testing
import TestSupport
@testable import ReconKit

@Suite("Totals per report grain")
struct GrainTableTests {
    /// A territory grain from small numbers: outcome kind, entry, identifiers, country, currency.
    private func key(_ kind: Int, _ entry: Int32, _ isrc: UInt32, _ country: UInt32, _ currency: UInt32) -> TerritoryKey {
        let result: MatchResult = switch kind {
        case 0: .matched(entry: entry, method: .isrc)
        case 1: .matched(entry: entry, method: .spotifyID)
        case 2: .unmatched(.notInCatalog)
        default: .playlist
        }
        return TerritoryKey(
            target: SideKey(result: result, isrc: TextID(index: isrc), spotifyTrackID: TextID(index: isrc / 2)),
            countryCode: TextID(index: country), currency: TextID(index: currency))
    }

    @Test("holds what a dictionary holds, in the order keys were first added, across growth and merges")
    func againstDictionary() {
        var generator = SeededGenerator(seed: 20261130)
        for _ in 0..<60 {
            var (left, right) = (GrainTable<TerritoryKey, Int>(), GrainTable<TerritoryKey, Int>())
            var (leftModel, rightModel) = ([TerritoryKey: Int](), [TerritoryKey: Int]())
            var leftOrder: [TerritoryKey] = []
            let spread = UInt32.random(in: 1...40, using: &generator)
            for _ in 0..<Int.random(in: 0...400, using: &generator) {
                let grain = key(
                    Int.random(in: 0...3, using: &generator), Int32.random(in: 0..<4, using: &generator),
                    UInt32.random(in: 0..<spread, using: &generator), UInt32.random(in: 1...3, using: &generator),
                    UInt32.random(in: 1...2, using: &generator))
                let amount = Int.random(in: 1...9, using: &generator)
                if Bool.random(using: &generator) {
                    if leftModel[grain] == nil { leftOrder.append(grain) }
                    left[grain, default: 0] += amount
                    leftModel[grain, default: 0] += amount
                } else {
                    right[grain, default: 0] += amount
                    rightModel[grain, default: 0] += amount
                }
            }
            #expect(left.count == leftModel.count)
            #expect(left.map(\.key) == leftOrder)
            for (grain, sum) in leftModel { #expect(left[grain] == sum) }
            #expect(left[key(2, 0, spread + 1, 1, 1)] == nil)
            left.merge(right, combining: +)
            leftModel.merge(rightModel, uniquingKeysWith: +)
            #expect(left.count == leftModel.count)
            #expect(Dictionary(uniqueKeysWithValues: left.map { ($0.key, $0.value) }) == leftModel)
        }
    }

    @Test("tells grains apart that differ only in how the side matched")
    func outcomes() {
        var table = GrainTable<TerritoryKey, Int>()
        let grains = [key(0, 1, 5, 1, 1), key(1, 1, 5, 1, 1), key(0, 2, 5, 1, 1), key(2, 1, 5, 1, 1), key(3, 1, 5, 1, 1)]
        for (index, grain) in grains.enumerated() { table[grain, default: 0] += index + 1 }
        #expect(table.count == 5)
        #expect(grains.map { table[$0] } == [1, 2, 3, 4, 5])
    }

    /// A key whose every value hashes alike, to the table's last slot: each probe wraps around.
    private struct CollidingKey: GrainKey {
        let value: Int
        var grainHash: Int { -1 }
    }

    @Test("keys that all collide are told apart, across growth and the wrap to the first slot")
    func collisions() {
        var table = GrainTable<CollidingKey, Int>()
        for value in 0..<100 { table[CollidingKey(value: value), default: 0] += value }
        for value in 0..<100 { table[CollidingKey(value: value), default: 0] += 1 }
        #expect(table.count == 100)
        #expect((0..<100).allSatisfy { table[CollidingKey(value: $0)] == $0 + 1 })
        #expect(table[CollidingKey(value: 100)] == nil)
        #expect(table.map(\.key.value) == Array(0..<100))
    }
}
