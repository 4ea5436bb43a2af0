import Crypto

/// The size and SHA-256 of a file's bytes, fed while they are read for their real use,
/// so no file is read a second time just to fingerprint it.
final class FileDigest {
    private var hasher = SHA256()
    private(set) var bytes = 0

    init() {}

    /// Adds the next bytes of the file.
    func update(_ buffer: UnsafeRawBufferPointer) {
        guard !buffer.isEmpty else { return }
        hasher.update(bufferPointer: buffer)
        bytes += buffer.count
    }

    /// Continues from what another hasher was fed (the block reader's hashing thread).
    func take(_ state: HashState) {
        hasher = state.hasher
        bytes = state.bytes
    }

    /// The fingerprint of everything fed so far.
    func fingerprint(kind: String, path: String) -> InputFingerprint {
        let hex = hasher.finalize().map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        return InputFingerprint(kind: kind, path: path, bytes: bytes, sha256: hex)
    }
}
