#if canImport(Glibc)
import Glibc
#endif

/// Interns byte strings as small integer ids, so rows hold ids instead of strings.
///
/// Id 0 stands for "absent" (a missing field or JSON null). Open addressing
/// over one byte arena: no allocation per lookup.
///
/// Only `intern`, `translation` and `removeAll` write; every other method only reads, so
/// several threads may read one pool at once while no thread interns.
///
/// The arena, the id starts and the hash slots are `RawArray`s: they are read and written in
/// the parsing loops, where an array in a class property would be checked on every access.
/// Like them it owns raw memory, so it is `Sendable` unchecked, under the rule above: a pool is
/// handed to another thread whole (a parsed chunk's pool), or shared for reading only.
final class StringPool: @unchecked Sendable {
    private let arena = RawArray<UInt8>(capacity: 1 << 16)
    private let starts = RawArray<Int>(capacity: 1024)
    private let slots = RawArray<UInt32>(repeating: 0, count: 1024)
    private var mask: Int { slots.count - 1 }

    init() {
        starts.append(0)
        starts.append(0)
    }

    /// A pool holding the texts of `arena` cut at `starts` (`SnapshotReader`); nil unless the
    /// starts rise from 0 to the arena's end.
    convenience init?(arena: [UInt8], starts: [Int]) {
        guard starts.count >= 2, starts[0] == 0, starts[1] == 0, starts.last == arena.count,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.init()
        arena.withUnsafeBytes { self.arena.append(contentsOf: $0) }
        self.starts.removeAll()
        for start in starts { self.starts.append(start) }
        rehash(atLeast: starts.count)
    }

    /// A copy of the texts of the ids below `count`: their bytes and where each starts (the re-run cache).
    func storage(idsBelow count: Int) -> (arena: [UInt8], starts: [Int]) {
        let starts = (0...count).map { self.starts[$0] }
        return (arena.withUnsafeBytes { Array($0[0..<starts[count]]) }, starts)
    }

    /// Number of ids handed out, "absent" included.
    var count: Int { starts.count - 1 }

    /// The id of `bytes`, adding it when new.
    func intern(_ bytes: UnsafeRawBufferPointer) -> TextID {
        let hash = Self.hash(bytes)
        var slot = hash & mask
        while true {
            let id = slots[slot]
            if id == 0 { break }
            if equals(Int(id), bytes) { return TextID(index: id) }
            slot = (slot + 1) & mask
        }
        let id = UInt32(count)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        slots[slot] = id
        if count * 2 > slots.count { rehash() }
        return TextID(index: id)
    }

    /// Interns a Swift string (tests and configuration values).
    func intern(_ text: String) -> TextID {
        var text = text
        return text.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// Forgets every id (keeping the allocated capacity).
    /// Bumped by `removeAll()`, so holders of ids can tell that theirs are stale.
    var generation: Int { generationCell.value }
    private let generationCell = RawCell(0)

    func removeAll() {
        generationCell.value += 1
        arena.removeAll()
        starts.removeAll()
        starts.append(0)
        starts.append(0)
        slots.reset(repeating: 0, count: slots.count)
    }

    /// For each id of `other`, the id of the same bytes here (interned when new).
    func translation(from other: StringPool) -> [TextID] {
        var result = [TextID](repeating: TextID.absent, count: other.count)
        other.arena.withUnsafeBytes { bytes in
            for id in 1..<other.count {
                result[id] = intern(UnsafeRawBufferPointer(rebasing: bytes[other.starts[id]..<other.starts[id + 1]]))
            }
        }
        return result
    }

    /// Calls `body` with the bytes of the text of `id`, without building a `String`.
    func withBytes<Result>(_ id: TextID, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[starts[Int(id.index)]..<starts[Int(id.index) + 1]])) }
    }

    /// The text of `id` (empty for "absent"), built anew on each call.
    func string(_ id: TextID) -> String {
        withBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Compares two texts as bytes, like `memcmp` (the absent id is the empty text), without building strings.
    func compare(_ lhs: TextID, _ rhs: TextID) -> Int {
        let left = starts[Int(lhs.index)]..<starts[Int(lhs.index) + 1]
        let right = starts[Int(rhs.index)]..<starts[Int(rhs.index) + 1]
        let common = min(left.count, right.count)
        let order = common == 0 ? 0 : Int(memcmp(arena.address(left.lowerBound), arena.address(right.lowerBound), common))
        return order != 0 ? order : left.count - right.count
    }

    /// Whether the text of `id` is exactly `bytes`.
    func hasText(_ id: TextID, _ bytes: UnsafeRawBufferPointer) -> Bool { equals(Int(id.index), bytes) }

    /// Whether the text of `id` is exactly `text` (a literal such as `"playlist"`).
    func hasText(_ id: TextID, _ text: StaticString) -> Bool {
        hasText(id, UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private func equals(_ id: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = starts[id]
        let length = starts[id + 1] - start
        guard length == bytes.count else { return false }
        return length == 0 || memcmp(arena.address(start), bytes.baseAddress!, length) == 0
    }

    private func rehash(atLeast minimum: Int = 0) {
        var size = slots.count * 2
        while size < 2 * minimum { size *= 2 }
        slots.reset(repeating: 0, count: size)
        let mask = self.mask
        arena.withUnsafeBytes { arena in
            for id in 1..<count {
                let bytes = UnsafeRawBufferPointer(rebasing: arena[starts[id]..<starts[id + 1]])
                var slot = Self.hash(bytes) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = UInt32(id)
            }
        }
    }

    /// A multiply-xorshift hash taken eight bytes at a time, the tail folded in, then a 64-bit
    /// finaliser (MurmurHash3 fmix64), so short identifiers spread over the whole table.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        return Int(truncatingIfNeeded: RowKeyHash.finalize(hash ^ tail))
    }
}
