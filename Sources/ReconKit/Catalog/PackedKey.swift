/// A normalised catalog key (at most 22 ASCII bytes) held in three words, its length in the
/// last byte: compared and hashed as integers, built and stored without a `String`.
struct PackedKey: Equatable, Sendable {
    private var words: (UInt64, UInt64, UInt64)

    /// The key of no bytes (never a valid identifier).
    static let empty = PackedKey(UnsafeRawBufferPointer(start: nil, count: 0))!

    /// The key of `bytes`, or nil when they are longer than `IdentifierKey.capacity`.
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count <= IdentifierKey.capacity else { return nil }
        words = (0, 0, 0)
        withUnsafeMutableBytes(of: &words) { storage in
            if bytes.count > 0 { storage.copyMemory(from: bytes) }
            storage[23] = UInt8(bytes.count)
        }
    }

    /// The key of a valid identifier; nil when absent or invalid.
    init?(_ key: IdentifierKey) {
        guard key.kind == .valid else { return nil }
        guard let packed = key.withBytes({ PackedKey($0) }) else { return nil }
        self = packed
    }

    /// The number of bytes.
    var count: Int { Int(words.2 >> 56) }

    /// Calls `body` with the key's bytes.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(of: words) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The key as text.
    var string: String { withBytes(ASCIIBytes.string) }

    /// Mixes the three words, then a 64-bit finaliser (MurmurHash3 fmix64): catalog keys share
    /// long prefixes, so every bit of every word must reach the table index.
    var hashValue64: UInt64 {
        var hash = words.0 &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ (hash >> 31) ^ words.1) &* 0xFF51_AFD7_ED55_8CCD
        hash = (hash ^ (hash >> 29) ^ words.2) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 32)
    }

    static func == (lhs: PackedKey, rhs: PackedKey) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
    }
}
