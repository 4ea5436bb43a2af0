/// The identity of a text interned in a `StringPool`: the text's index in the pool.
///
/// Four bytes, compared and hashed as that index; two ids of the same pool are equal
/// exactly when their texts are. An id means nothing without its pool.
struct TextID: Hashable, Sendable {
    /// The position of the text in its pool.
    let index: UInt32

    /// A missing field, JSON null or "": the empty text, which every pool holds at index 0.
    static let absent = TextID(index: 0)

    init(index: UInt32) { self.index = index }

    /// Whether this is the `absent` id.
    var isAbsent: Bool { index == 0 }
}
