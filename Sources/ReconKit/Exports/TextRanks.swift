/// Sort ranks of interned texts: comparing two ranks compares the texts as bytes.
///
/// Equal texts share a rank and the empty text (or the absent id) ranks first, so
/// millions of report lines sort on small integers instead of strings.
struct TextRanks {
    private var ranks: [UInt32: UInt32] = [:]

    init(_ ids: some Sequence<UInt32>, pool: StringPool) {
        let distinct = Set(ids).sorted { pool.compare($0, $1) < 0 }
        var rank: UInt32 = 0
        var previous = StringPool.absent
        for id in distinct {
            if pool.compare(previous, id) != 0 { rank += 1 }
            ranks[id] = rank
            previous = id
        }
    }

    /// The rank of `id`, which must be one of the ids given at creation.
    subscript(id: UInt32) -> UInt32 { ranks[id]! }
}
