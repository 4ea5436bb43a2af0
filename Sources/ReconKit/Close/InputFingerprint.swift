/// One input file as it was read: its path (as given), size and SHA-256 (SPEC §10).
public struct InputFingerprint: Sendable, Equatable {
    /// `catalog`, `breakdown`, `engagement` or `overview`.
    public let kind: String
    public let path: String
    public let bytes: Int
    /// Lower-case hex.
    public let sha256: String

    public init(kind: String, path: String, bytes: Int, sha256: String) {
        self.kind = kind
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
    }
}
