/// A normalised identifier held inline as ASCII bytes (at most 22), built without a `String`:
/// what the byte paths of `ISRC` and `SpotifyTrackID` produce.
struct IdentifierKey: Equatable {
    enum Kind: Equatable { case absent, invalid, valid }

    /// The longest normalised value (a Spotify track id).
    static let capacity = 22

    let kind: Kind
    private var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
    /// Bytes of the normalised value (0 unless valid).
    private(set) var count = 0

    static let absent = IdentifierKey(kind: .absent)
    static let invalid = IdentifierKey(kind: .invalid)

    private init(kind: Kind) { self.kind = kind }

    /// A valid value; `bytes` holds at most `capacity` bytes.
    init(valid bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count <= Self.capacity, "a normalised identifier has at most 22 bytes")
        kind = .valid
        count = bytes.count
        withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) }
    }

    /// The key of an identifier cleaned by a `String` path.
    init(_ identifier: Identifier) {
        switch identifier {
        case .absent: self = .absent
        case .invalid: self = .invalid
        case var .valid(value): self = value.withUTF8 { IdentifierKey(valid: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Calls `body` with the normalised bytes (empty unless valid).
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(of: storage) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The cleaned identifier; `raw` is the input (kept when invalid).
    func identifier(raw: UnsafeRawBufferPointer) -> Identifier {
        switch kind {
        case .absent: .absent
        case .invalid: .invalid(raw: ASCIIBytes.string(raw))
        case .valid: .valid(withBytes(ASCIIBytes.string))
        }
    }

    static func == (lhs: IdentifierKey, rhs: IdentifierKey) -> Bool {
        lhs.kind == rhs.kind && lhs.withBytes { left in rhs.withBytes { left.elementsEqual($0) } }
    }
}
