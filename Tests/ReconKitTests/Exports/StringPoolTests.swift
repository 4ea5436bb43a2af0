import Testing
@testable import ReconKit

@Suite("String pool")
struct StringPoolTests {
    /// Texts chosen so that byte order differs from length order and from Swift's `String` `<`
    /// (which compares Unicode scalars canonically, not bytes).
    private let texts = ["b", "", "a", "ab", "Z", "é", "e\u{301}", "a", "zz", "\u{7F}"]

    @Test("compare orders texts as bytes, the absent id as the empty text")
    func compareIsByteOrder() {
        let pool = StringPool()
        let ids = texts.map { pool.intern($0) }
        for (left, leftText) in zip(ids, texts) {
            for (right, rightText) in zip(ids, texts) {
                let expected = Array(leftText.utf8).lexicographicallyPrecedes(Array(rightText.utf8))
                #expect((pool.compare(left, right) < 0) == expected, "\(leftText) vs \(rightText)")
                #expect((pool.compare(left, right) == 0) == (leftText == rightText && leftText.utf8.count == rightText.utf8.count))
            }
            #expect((pool.compare(TextID.absent, left) == 0) == leftText.isEmpty)
        }
    }

    @Test("text ranks follow byte order; equal texts and the absent id share ranks")
    func ranks() {
        let pool = StringPool()
        let ids = texts.map { pool.intern($0) } + [TextID.absent]
        let ranks = TextRanks(ids, pool: pool)
        let byBytes = (texts + [""]).map { Array($0.utf8) }
        for (left, leftBytes) in zip(ids, byBytes) {
            for (right, rightBytes) in zip(ids, byBytes) {
                #expect((ranks[left] < ranks[right]) == leftBytes.lexicographicallyPrecedes(rightBytes))
                #expect((ranks[left] == ranks[right]) == (leftBytes == rightBytes))
            }
        }
        #expect(ranks[TextID.absent] == ranks[pool.intern("")])
    }

    @Test("interning many texts hands out one id per distinct text")
    func interning() {
        let pool = StringPool()
        let values = (0..<50_000).map { "key-\($0 % 20_000)-\(String(repeating: "x", count: $0 % 19))" }
        var seen: [String: TextID] = [:]
        for value in values {
            let id = pool.intern(value)
            if let earlier = seen[value] { #expect(earlier == id) } else { seen[value] = id }
            #expect(pool.string(id) == value)
        }
        #expect(Set(seen.values).count == seen.count)
        #expect(pool.count == seen.count + 1, "id 0 is the absent text")
    }
}

@Suite("String pool lookups")
struct StringPoolLookupTests {
    @Test("an id stays four bytes, the pool index")
    func idSize() {
        #expect(MemoryLayout<TextID>.size == 4)
        #expect(MemoryLayout<TextID>.stride == 4)
    }

    @Test("reads from several threads at once see every text")
    func concurrentReads() async {
        let pool = StringPool()
        let texts = (0..<2_000).map { "text-\($0)-" + String(repeating: "é", count: $0 % 9) }
        let ids = texts.map { pool.intern($0) }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask { zip(ids, texts).count { pool.string($0.0) != $0.1 } }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
