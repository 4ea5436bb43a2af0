import Crypto
import Synchronization

/// A SHA-256 in progress and the bytes fed to it.
struct HashState {
    var hasher = SHA256()
    var bytes = 0

    mutating func add(_ slice: ByteSlice) {
        slice.withBytes { hasher.update(bufferPointer: $0) }
        bytes += slice.count
    }
}

/// The hash of the file a block reader reads, fed on another thread while the block is parsed.
///
/// Only `ByteSlice`s (which are `Sendable`) go in, so the state can sit behind a lock; the
/// reader hands it to the file's `FileDigest` when the file ends.
final class BlockHash: Sendable {
    private let state = Mutex(HashState())

    func add(_ slice: ByteSlice) {
        state.withLock { $0.add(slice) }
    }

    /// What was fed so far.
    func current() -> HashState {
        state.withLock { state in
            let current = state
            return current
        }
    }
}
