import Testing
@testable import ReconKit

@Suite("Catalog key table")
struct CatalogKeyTableTests {
    private func key(_ text: String) -> PackedKey {
        var text = text
        return text.withUTF8 { PackedKey(UnsafeRawBufferPointer($0))! }
    }

    @Test("the first claim of a key wins; later claims learn the owner")
    func firstClaimWins() {
        var table = CatalogKeyTable()
        #expect(table.claim(key("USRC17607839"), entry: 0) == 0)
        #expect(table.claim(key("GBAYE0601498"), entry: 1) == 1)
        #expect(table.claim(key("USRC17607839"), entry: 2) == 0)
        #expect(table.owner(key("USRC17607839")) == 0)
        #expect(table.owner(key("GBAYE0601498")) == 1)
        #expect(table.owner(key("GBAYE0601499")) == nil)
        #expect(table.count == 2)
        #expect(table.claims.map(\.owner) == [0, 1])
        #expect(table.claims.map(\.key.string) == ["USRC17607839", "GBAYE0601498"])
    }

    @Test("keys that share a prefix or differ only in length stay apart")
    func prefixesAndLengths() {
        var table = CatalogKeyTable()
        let texts = ["A", "AA", "AAAAAAAA", "AAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAB"]
        for (position, text) in texts.enumerated() { #expect(table.claim(key(text), entry: Int32(position)) == Int32(position)) }
        for (position, text) in texts.enumerated() { #expect(table.owner(key(text)) == Int32(position)) }
        #expect(table.owner(key("AAAAAAAAAAAAAAAAAAAAA")) == nil)
    }

    @Test("every key is still found after the table grows many times")
    func growth() {
        var table = CatalogKeyTable()
        let texts = (0..<5000).map { "QZA" + String(100_000_000 + $0).dropFirst() }
        for (position, text) in texts.enumerated() { _ = table.claim(key(text), entry: Int32(position)) }
        #expect(table.count == 5000)
        #expect(texts.indices.allSatisfy { table.owner(key(texts[$0])) == Int32($0) })
        #expect(table.owner(key("QZA99999999")) == nil)
    }

    @Test("a key holds at most 22 bytes; lookups of longer text find nothing")
    func capacity() {
        let long = Array(repeating: UInt8(ascii: "a"), count: 23)
        #expect(long.withUnsafeBytes { PackedKey($0) } == nil)
        #expect(key("4cOdK2wGLETKBW3PvgPWqT").count == 22)
        #expect(PackedKey.empty.count == 0)
        let table = CatalogKeyTable()
        #expect(long.withUnsafeBytes { table.owner(bytes: $0) } == nil)
    }
}
