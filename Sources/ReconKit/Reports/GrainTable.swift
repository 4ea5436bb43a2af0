/// A report grain's key whose parts are small ids, hashed by a multiply-mix of its words.
protocol GrainKey: Hashable, Sendable {
    /// A well-spread hash of the key (equal keys, equal hashes).
    var grainHash: Int { get }
}

/// Totals per report grain (a line of `tracks.csv` or `territories.csv`), as a `Dictionary`
/// would hold them, for the one lookup every kept row makes.
///
/// A `Dictionary` hashes each key with SipHash, built against chosen collisions in untrusted
/// keys; a grain's key is a handful of ids from the string pool and the catalog, which a
/// multiply-mix hash (`RowKeyHash`) spreads as well in a fraction of the time. Open addressing
/// over the positions of the keys and totals, kept in the order first added: iterating is
/// deterministic.
struct GrainTable<Key: GrainKey, Totals: Sendable>: Sendable, Sequence {
    private(set) var keys: [Key] = []
    private var totals: [Totals] = []
    /// Position of a key plus one, 0 for an empty slot; a power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 16)

    var count: Int { keys.count }
    var underestimatedCount: Int { count }

    /// The totals of `key`, nil when no row added to it.
    subscript(key: Key) -> Totals? {
        probe(key).position.map { totals[$0] }
    }

    /// The totals of `key`, starting from `initial` when the key is new.
    subscript(key: Key, default initial: @autoclosure () -> Totals) -> Totals {
        get { probe(key).position.map { totals[$0] } ?? initial() }
        _modify {
            let position = insert(key, initial)
            yield &totals[position]
        }
    }

    /// Adds the totals of `other`, combining those of a key both hold.
    mutating func merge(_ other: GrainTable, combining: (Totals, Totals) -> Totals) {
        for (key, theirs) in other {
            if let position = probe(key).position {
                totals[position] = combining(totals[position], theirs)
            } else {
                _ = insert(key) { theirs }
            }
        }
    }

    /// The keys and their totals, in the order the keys were first added.
    struct Iterator: IteratorProtocol {
        fileprivate let table: GrainTable
        fileprivate var position = 0

        mutating func next() -> (key: Key, value: Totals)? {
            guard position < table.count else { return nil }
            defer { position += 1 }
            return (table.keys[position], table.totals[position])
        }
    }

    func makeIterator() -> Iterator { Iterator(table: self) }

    /// The slot holding `key` with its position in `keys`, or the empty slot where it would go.
    private func probe(_ key: Key) -> (slot: Int, position: Int?) {
        let mask = slots.count - 1
        var slot = key.grainHash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return (slot, nil) }
            if keys[entry - 1] == key { return (slot, entry - 1) }
            slot = (slot + 1) & mask
        }
    }

    /// The position of `key`, added with `initial()` when new.
    private mutating func insert(_ key: Key, _ initial: () -> Totals) -> Int {
        let (slot, position) = probe(key)
        if let position { return position }
        keys.append(key)
        totals.append(initial())
        slots[slot] = Int32(keys.count)
        if keys.count * 2 > slots.count { grow() }
        return keys.count - 1
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (position, key) in keys.enumerated() {
            var slot = key.grainHash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(position + 1)
        }
    }
}
