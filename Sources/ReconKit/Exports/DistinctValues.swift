/// A value that `DistinctValues` can hold: equal values have equal `tableHash`es.
protocol DistinctValue: Equatable, Sendable {
    var tableHash: Int { get }
}

/// Each distinct value once, by a 32-bit position: rows that repeat a combination of fields
/// hold the position instead of the fields.
///
/// Open addressing over positions (4 bytes a slot) with a fast hash of the value; the last
/// value looked up is checked first, since consecutive rows mostly repeat it.
struct DistinctValues<Value: DistinctValue>: Sendable {
    private(set) var values: [Value] = []
    /// Position + 1 of the value in each slot; 0 when empty.
    private var slots = [UInt32](repeating: 0, count: 1 << 10)
    private var last: UInt32?

    init() {}

    /// The table holding `values` at their positions (read back from the re-run cache).
    init(_ values: [Value]) {
        self.values = values
        var size = slots.count
        while values.count * 2 > size { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
        fill()
    }

    /// The position of `value`, added when new.
    mutating func position(of value: Value) -> UInt32 {
        if let last, values[Int(last)] == value { return last }
        let mask = slots.count - 1
        var slot = value.tableHash & mask
        while slots[slot] != 0 {
            let position = slots[slot] - 1
            if values[Int(position)] == value {
                last = position
                return position
            }
            slot = (slot + 1) & mask
        }
        precondition(values.count < Int(UInt32.max), "more than 2^32 - 1 distinct values")
        let position = UInt32(values.count)
        values.append(value)
        slots[slot] = position + 1
        if values.count * 2 > slots.count { grow() }
        last = position
        return position
    }

    subscript(position: UInt32) -> Value { values[Int(position)] }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        fill()
    }

    private mutating func fill() {
        let mask = slots.count - 1
        for (position, value) in values.enumerated() {
            var slot = value.tableHash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(position) + 1
        }
    }
}
