/// One plain value in memory it allocates itself: the scalar state of a hot class (a cursor,
/// a counter) read and written without the overlapping-access check a class `var` costs.
///
/// Ownership: the object owns the value's memory and frees it in `deinit`. The value is
/// `BitwiseCopyable` (no references); used by one thread at a time.
final class RawCell<Value: BitwiseCopyable> {
    private let storage: UnsafeMutablePointer<Value>

    init(_ value: Value) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: value)
    }

    deinit { storage.deallocate() }

    /// The value, read and changed in place.
    var value: Value {
        unsafeAddress { UnsafePointer(storage) }
        unsafeMutableAddress { storage }
    }
}
