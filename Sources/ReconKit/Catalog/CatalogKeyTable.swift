/// The owners of one kind of catalog key (ISRC or Spotify track id): open addressing over
/// `PackedKey`s, so a claim hashes three words and allocates nothing per key.
///
/// A slot holds the key's position and the low 32 bits of its hash: a probe compares keys
/// only when those bits agree, and growing the table reads no key (the table never has
/// more than 2³² slots, so the stored bits give the new slot).
struct CatalogKeyTable: Sendable {
    /// The claimed keys, in claim order.
    private var keys: [PackedKey] = []
    /// The owning entry of each key of `keys`.
    private var owners: [Int32] = []
    /// Per slot, 0 when empty, else (1 + position in `keys`) << 32 | low 32 bits of the key's hash.
    private var slots = [UInt64](repeating: 0, count: 16)

    /// The number of claimed keys.
    var count: Int { keys.count }

    init() {}

    /// The table in which `owners` claimed, in this order, the keys `key(owner)` gives; nil when
    /// one gives none or two give the same key (what no run of `claim` could have built).
    init?(owners: [Int32], key: (Int32) -> PackedKey?) {
        reserveCapacity(owners.count)
        rehash(atLeast: owners.count)
        for owner in owners {
            guard let claimed = key(owner), claim(claimed, entry: owner) == owner else { return nil }
        }
        guard count == owners.count else { return nil }
    }

    /// Makes room for `total` keys in claim order (the slots still grow by doubling: they are
    /// zero-filled, so reserving them would touch memory that may never be used).
    mutating func reserveCapacity(_ total: Int) {
        keys.reserveCapacity(total)
        owners.reserveCapacity(total)
    }

    /// Gives `key` to `entry` unless it is taken; returns the owner either way (one probe sequence).
    mutating func claim(_ key: PackedKey, entry: Int32) -> Int32 {
        let (slot, hash, position) = probe(key)
        if let position { return owners[position] }
        keys.append(key)
        owners.append(entry)
        slots[slot] = UInt64(keys.count) << 32 | hash
        if keys.count * 2 > slots.count { rehash(atLeast: keys.count) }
        return entry
    }

    /// The entry that owns `key`; nil when none does.
    func owner(_ key: PackedKey) -> Int32? {
        probe(key).position.map { owners[$0] }
    }

    /// The slot holding `key` with its position in `keys`, or the empty slot where it would go;
    /// and the low 32 bits of its hash.
    private func probe(_ key: PackedKey) -> (slot: Int, hash: UInt64, position: Int?) {
        let hash = key.hashValue64 & 0xFFFF_FFFF
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return (slot, hash, nil) }
            let position = Int(stored >> 32) - 1
            if stored & 0xFFFF_FFFF == hash, keys[position] == key { return (slot, hash, position) }
            slot = (slot + 1) & mask
        }
    }

    /// The entry that owns the key spelled `bytes`; nil when none does.
    func owner(bytes: UnsafeRawBufferPointer) -> Int32? {
        PackedKey(bytes).flatMap(owner)
    }

    /// The owner of every claimed key, in claim order.
    var claimOwners: [Int32] { owners }

    /// Every claimed key with its owner, in claim order.
    var claims: some Sequence<(key: PackedKey, owner: Int32)> {
        zip(keys, owners).lazy.map { (key: $0, owner: $1) }
    }

    private mutating func rehash(atLeast minimum: Int) {
        var size = slots.count
        while size < 2 * minimum + 2 { size *= 2 }
        precondition(size <= 1 << 32, "a catalog key table holds fewer than 2^31 keys")
        var grown = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for stored in slots where stored != 0 {
            var slot = Int(stored & 0xFFFF_FFFF) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = stored
        }
        slots = grown
    }
}
