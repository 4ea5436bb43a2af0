/// Sort ranks of keys whose printed form is a few text columns: comparing two ranks compares
/// the printed columns in order, each as its bytes (with the `'` of the formula guard where the
/// column is guarded, SPEC §13). Keys that print the same share a rank, so report lines sort
/// on small integers and each distinct key is printed once.
struct PrintedRanks<Key: Hashable> {
    private var ranks: [Key: UInt32] = [:]

    /// `guarded[i]` says whether column `i` of `printed(key)` is input text.
    init(_ keys: some Sequence<Key>, guarded: [Bool], printed: (Key) -> [String]) {
        let distinct = Set(keys).map { key in
            (key, zip(printed(key), guarded).map { text, isGuarded in
                isGuarded && FormulaGuard.needsGuard(text) ? "'" + text : text
            })
        }
        let sorted = distinct.sorted { Self.precedes($0.1, $1.1) }
        var rank: UInt32 = 0
        for (index, entry) in sorted.enumerated() {
            if index > 0, !sorted[index - 1].1.elementsEqual(entry.1, by: { $0.utf8.elementsEqual($1.utf8) }) { rank += 1 }
            ranks[entry.0] = rank
        }
    }

    /// The rank of `key`, which must be one of the keys given at creation.
    subscript(key: Key) -> UInt32 { ranks[key]! }

    /// Column by column, each compared as UTF-8 bytes.
    private static func precedes(_ lhs: [String], _ rhs: [String]) -> Bool {
        for (left, right) in zip(lhs, rhs) where !left.utf8.elementsEqual(right.utf8) {
            return left.utf8.lexicographicallyPrecedes(right.utf8)
        }
        return false
    }
}
