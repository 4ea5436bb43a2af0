/// Sort ranks of interned texts: comparing two ranks compares the texts as printed bytes.
///
/// Equal texts share a rank and the empty text (or the absent id) ranks first, so
/// millions of report lines sort on small integers instead of strings. A text for which
/// `guarded` is true is printed with a leading `'` (`FormulaGuard`) and ranked so.
struct TextRanks {
    private var ranks: [TextID: UInt32] = [:]

    init(_ ids: some Sequence<TextID>, pool: StringPool, guarded: (TextID) -> Bool = { _ in false }) {
        func compare(_ lhs: TextID, _ rhs: TextID) -> Int {
            let (left, right) = (guarded(lhs), guarded(rhs))
            if left == right { return pool.compare(lhs, rhs) }
            let lhsText = (left ? "'" : "") + pool.string(lhs), rhsText = (right ? "'" : "") + pool.string(rhs)
            return lhsText == rhsText ? 0 : lhsText.utf8.lexicographicallyPrecedes(rhsText.utf8) ? -1 : 1
        }
        let distinct = Set(ids).sorted { compare($0, $1) < 0 }
        var rank: UInt32 = 0
        var previous = TextID.absent
        for id in distinct {
            if compare(previous, id) != 0 { rank += 1 }
            ranks[id] = rank
            previous = id
        }
    }

    /// Ranks of texts printed through the formula guard: one that starts like a formula
    /// (`FormulaGuard.needsGuard`) ranks with its `'` (SPEC §13: sorted as printed).
    static func formulaGuarded(_ ids: some Sequence<TextID>, pool: StringPool) -> TextRanks {
        TextRanks(ids, pool: pool) { id in pool.withBytes(id) { FormulaGuard.needsGuard($0) } }
    }

    /// The rank of `id`, which must be one of the ids given at creation.
    subscript(id: TextID) -> UInt32 { ranks[id]! }
}
