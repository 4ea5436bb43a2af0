import Crypto
import Synchronization

/// The size and SHA-256 of a file's bytes, fed while they are read for their real use,
/// so no file is read a second time just to fingerprint it.
///
/// The block reader feeds it from another thread while the next block is parsed, so its
/// state sits behind a lock (taken once per block).
final class FileDigest: Sendable {
    private struct State {
        var hasher = SHA256()
        var bytes = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Bytes fed so far.
    var bytes: Int { state.withLock { $0.bytes } }

    /// Adds the next bytes of the file.
    func update(_ buffer: UnsafeRawBufferPointer) {
        guard !buffer.isEmpty else { return }
        state.withLock { state in
            state.hasher.update(bufferPointer: buffer)
            state.bytes += buffer.count
        }
    }

    /// The fingerprint of everything fed so far.
    func fingerprint(kind: String, path: String) -> InputFingerprint {
        let (digest, bytes) = state.withLock { ($0.hasher.finalize(), $0.bytes) }
        let hex = digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        return InputFingerprint(kind: kind, path: path, bytes: bytes, sha256: hex)
    }
}
