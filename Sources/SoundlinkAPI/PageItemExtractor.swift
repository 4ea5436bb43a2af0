/// Streams a paginated response body (`{"data":{"items":[…],"pagination":{…}},"meta":…}`) and hands
/// out each item of `data.items` as one line: its JSON text as received, with white space outside
/// strings removed. `data.pagination` is kept (it is small); nothing else is held.
public struct PageItemExtractor: Sendable {
    private enum Container { case object, array }

    private var stack: [Container] = []
    /// The key being read or last read at each object depth (only kept for depths 1 and 2).
    private var keys: [[UInt8]] = []
    private var inString = false
    private var escaped = false
    private var expectingKey = false
    private var keyBuffer: [UInt8] = []
    private var readingKey = false
    /// Bytes of the item being read, minified.
    private var item: [UInt8] = []
    private var inItem = false
    private var itemDepth = 0
    /// Minified `data.pagination` object.
    public private(set) var pagination: [UInt8] = []
    private var inPagination = false
    public private(set) var malformed = false
    public private(set) var itemCount = 0

    public init() {}

    /// Feeds bytes; `emit` receives each complete item (without a line feed).
    public mutating func feed(_ bytes: some Collection<UInt8>, emit: ([UInt8]) -> Void) {
        for byte in bytes { step(byte, emit: emit) }
    }

    private var path: (Int, [UInt8], [UInt8]) {
        (stack.count, keys.count > 0 ? keys[0] : [], keys.count > 1 ? keys[1] : [])
    }

    private static let data = Array("data".utf8)
    private static let items = Array("items".utf8)
    private static let paginationKey = Array("pagination".utf8)

    private mutating func keep(_ byte: UInt8) {
        if inItem { item.append(byte) }
        if inPagination { pagination.append(byte) }
    }

    private mutating func step(_ byte: UInt8, emit: ([UInt8]) -> Void) {
        if inString {
            keep(byte)
            if readingKey, !(byte == UInt8(ascii: "\"") && !escaped) { keyBuffer.append(byte) }
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                if readingKey {
                    readingKey = false
                    let depth = stack.count
                    if depth <= 2 {
                        if keys.count >= depth { keys.removeLast(keys.count - depth + 1) }
                        keys.append(keyBuffer)
                    }
                }
            }
            return
        }
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D:
            return
        case UInt8(ascii: "\""):
            // A value starting at the items array's own level is an item too (strings and numbers alike).
            startItemIfNeeded()
            keep(byte)
            inString = true
            if expectingKey {
                readingKey = true
                keyBuffer.removeAll(keepingCapacity: true)
                expectingKey = false
            }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            startItemIfNeeded()
            if stack.count == 2, path.1 == Self.data, path.2 == Self.paginationKey, byte == UInt8(ascii: "{") {
                inPagination = true
                pagination.removeAll()
            }
            keep(byte)
            stack.append(byte == UInt8(ascii: "{") ? .object : .array)
            expectingKey = byte == UInt8(ascii: "{")
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            keep(byte)
            guard let top = stack.popLast(), (top == .object) == (byte == UInt8(ascii: "}")) else {
                malformed = true
                return
            }
            if keys.count > stack.count { keys.removeLast(keys.count - stack.count) }
            if inPagination, stack.count == 2 { inPagination = false }
            endItemIfNeeded(emit: emit)
            expectingKey = false
        case UInt8(ascii: ","):
            if inItem, stack.count == itemDepth { finishItem(emit: emit) } else { keep(byte) }
            expectingKey = stack.last == .object
        case UInt8(ascii: ":"):
            keep(byte)
        default:
            startItemIfNeeded()
            keep(byte)
        }
    }

    /// Inside `data.items` at its own level: the array is the third container.
    private var atItemsLevel: Bool {
        stack.count == 3 && stack[2] == .array && path.1 == Self.data && path.2 == Self.items
    }

    private mutating func startItemIfNeeded() {
        guard !inItem, atItemsLevel else { return }
        inItem = true
        itemDepth = 3
        item.removeAll(keepingCapacity: true)
    }

    private mutating func endItemIfNeeded(emit: ([UInt8]) -> Void) {
        guard inItem else { return }
        // A container item ends when its closing bracket brings the depth back to the array;
        // a scalar item ends at a comma or at the array's closing bracket.
        if stack.count == itemDepth {
            finishItem(emit: emit)
        } else if stack.count < itemDepth {
            // The array closed right after a scalar item: drop the bracket we kept.
            item.removeLast()
            finishItem(emit: emit)
        }
    }

    private mutating func finishItem(emit: ([UInt8]) -> Void) {
        inItem = false
        itemCount += 1
        emit(item)
        item.removeAll(keepingCapacity: true)
    }

    /// True when the body ended with every container closed.
    public var isComplete: Bool { stack.isEmpty && !inString && !malformed }
}
