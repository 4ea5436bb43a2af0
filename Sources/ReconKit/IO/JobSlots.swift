/// One result slot per job of a `DispatchGroup`: each slot is written by one job only (or by
/// the thread that waits, before it waits), and the slots are read only after the group has
/// been waited on, which orders every write before the reads.
///
/// A lock around one shared array would do as well, but ThreadSanitizer cannot see the
/// ordering of the standard library's `Mutex` on Linux and reports two jobs finishing at once;
/// here the group is the only ordering, and it sees that. `Sendable` unchecked under the rule above.
final class JobSlots<Value: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Called by job `index` only.
    func set(_ index: Int, _ value: Value) { slots[index] = value }

    /// Every slot's value, the slots left empty; called after the group was waited on.
    func take() -> [Value?] {
        slots.indices.map { index in
            defer { slots[index] = nil }
            return slots[index]
        }
    }
}
