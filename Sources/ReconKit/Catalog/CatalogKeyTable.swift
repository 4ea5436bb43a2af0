/// The owners of one kind of catalog key (ISRC or Spotify track id): open addressing over
/// `PackedKey`s, so a claim hashes three words and allocates nothing per key.
struct CatalogKeyTable: Sendable {
    /// The claimed keys, in claim order.
    private var keys: [PackedKey] = []
    /// The owning entry of each key of `keys`.
    private var owners: [Int32] = []
    /// Per slot, 1 + the position in `keys` of the key stored there, or 0 when empty.
    private var slots = [UInt32](repeating: 0, count: 16)

    /// The number of claimed keys.
    var count: Int { keys.count }

    /// Makes room for `total` keys without growing the table again.
    mutating func reserveCapacity(_ total: Int) {
        keys.reserveCapacity(total)
        owners.reserveCapacity(total)
        if total * 2 > slots.count { rehash(atLeast: total) }
    }

    /// Gives `key` to `entry` unless it is taken; returns the owner either way (one probe sequence).
    mutating func claim(_ key: PackedKey, entry: Int32) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.hashValue64) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if keys[Int(stored) - 1] == key { return owners[Int(stored) - 1] }
            slot = (slot + 1) & mask
        }
        keys.append(key)
        owners.append(entry)
        slots[slot] = UInt32(keys.count)
        if keys.count * 2 > slots.count { rehash(atLeast: keys.count) }
        return entry
    }

    /// The entry that owns `key`; nil when none does.
    func owner(_ key: PackedKey) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.hashValue64) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            if keys[Int(stored) - 1] == key { return owners[Int(stored) - 1] }
            slot = (slot + 1) & mask
        }
    }

    /// The entry that owns the key spelled `bytes`; nil when none does.
    func owner(bytes: UnsafeRawBufferPointer) -> Int32? {
        PackedKey(bytes).flatMap(owner)
    }

    /// Every claimed key with its owner, in claim order.
    var claims: some Sequence<(key: PackedKey, owner: Int32)> {
        zip(keys, owners).lazy.map { (key: $0, owner: $1) }
    }

    private mutating func rehash(atLeast minimum: Int) {
        var size = slots.count
        while size < 2 * minimum + 2 { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        for (position, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key.hashValue64) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(position + 1)
        }
    }
}
