/// A fast, well-spread hash of a row key's interned ids, for the de-duplication table.
///
/// Swift's `Hasher` (SipHash) is built to resist chosen collisions in untrusted keys;
/// here the keys are small ids handed out by the string pool, so a multiply-and-mix
/// hash does the same job in a fraction of the time.
struct RowKeyHash {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Mixes in two 32-bit parts of the key.
    mutating func combine(_ high: UInt32, _ low: UInt32) {
        state = (state ^ (UInt64(high) << 32 | UInt64(low))) &* 0xFF51_AFD7_ED55_8CCD
        state ^= state >> 32
    }

    /// Mixes in two interned ids of the key.
    mutating func combine(_ high: TextID, _ low: TextID) { combine(high.index, low.index) }

    /// The hash after every part was combined.
    var value: Int { Int(truncatingIfNeeded: Self.finalize(state)) }

    /// The MurmurHash3 64-bit finaliser: every input bit affects every output bit.
    static func finalize(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }
}
