/// A growable array of plain values in memory it allocates itself, for the hot loops of the
/// string pool and the line parser.
///
/// Why it exists: an `Array` held in a `var` of a class is checked for overlapping access
/// (a runtime call) on every read and write, and those calls cost a quarter of the run in
/// the parsing loops. Reading and writing through a pointer is not checked, so the storage,
/// its count and its capacity all live in memory this object allocated.
///
/// Ownership: the object owns its element memory and the small header that describes it;
/// `deinit` frees both. It is meant for plain values (integers, ranges, pointers): with no
/// references inside, overlapping accesses can at worst read a stale value, never break
/// reference counts. Used by one thread at a time; pointers handed to `withUnsafeBytes`
/// live only for that call.
final class RawArray<Element> {
    private struct Header {
        var base: UnsafeMutablePointer<Element>
        var count: Int
        var capacity: Int
    }

    private let header: UnsafeMutablePointer<Header>

    /// An empty array with room for `capacity` elements.
    init(capacity: Int = 16) {
        let capacity = max(capacity, 1)
        header = .allocate(capacity: 1)
        header.initialize(to: Header(base: .allocate(capacity: capacity), count: 0, capacity: capacity))
    }

    /// `count` copies of `value`.
    convenience init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        header.pointee.base.initialize(repeating: value, count: count)
        header.pointee.count = count
    }

    deinit {
        header.pointee.base.deinitialize(count: header.pointee.count)
        header.pointee.base.deallocate()
        header.deallocate()
    }

    var count: Int { header.pointee.count }
    var isEmpty: Bool { header.pointee.count == 0 }
    var indices: Range<Int> { 0..<header.pointee.count }

    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < header.pointee.count, "RawArray index out of range")
            return header.pointee.base[index]
        }
        set {
            precondition(index >= 0 && index < header.pointee.count, "RawArray index out of range")
            header.pointee.base[index] = newValue
        }
    }

    func append(_ element: Element) {
        if header.pointee.count == header.pointee.capacity { reserve(header.pointee.count + 1) }
        (header.pointee.base + header.pointee.count).initialize(to: element)
        header.pointee.count += 1
    }

    /// Empties the array, keeping its memory.
    func removeAll() {
        header.pointee.base.deinitialize(count: header.pointee.count)
        header.pointee.count = 0
    }

    /// Replaces the contents with `count` copies of `value`.
    func reset(repeating value: Element, count: Int) {
        removeAll()
        if count > header.pointee.capacity {
            header.pointee.base.deallocate()
            header.pointee.base = .allocate(capacity: count)
            header.pointee.capacity = count
        }
        header.pointee.base.initialize(repeating: value, count: count)
        header.pointee.count = count
    }

    /// Calls `body` with the elements' bytes, valid only during the call.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(UnsafeBufferPointer(start: header.pointee.base, count: header.pointee.count)))
    }

    /// Grows the memory to hold at least `minimum` elements (doubling, so appends stay amortised O(1)).
    private func reserve(_ minimum: Int) {
        let capacity = max(minimum, header.pointee.capacity * 2)
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        larger.moveInitialize(from: header.pointee.base, count: header.pointee.count)
        header.pointee.base.deallocate()
        header.pointee.base = larger
        header.pointee.capacity = capacity
    }
}

extension RawArray where Element == UInt8 {
    /// Appends `bytes` at the end.
    func append(contentsOf bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        let count = header.pointee.count
        if count + bytes.count > header.pointee.capacity { reserve(count + bytes.count) }
        UnsafeMutableRawPointer(header.pointee.base + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        header.pointee.count = count + bytes.count
    }

    /// The address of byte `offset`, valid until the next append or reset.
    func address(_ offset: Int) -> UnsafeRawPointer { UnsafeRawPointer(header.pointee.base + offset) }
}
