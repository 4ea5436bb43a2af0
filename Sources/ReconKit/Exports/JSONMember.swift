import CJSONLine

/// A member of the top-level object: where its key and value are in the line.
///
/// The C scanner's struct, so that it fills the export readers' buffers directly.
typealias JSONMember = recon_json_member

extension JSONMember {
    init(key: Range<Int>, keyHasEscapes: Bool, kind: JSONKind, value: Range<Int>, valueHasEscapes: Bool) {
        self.init(
            key_start: Int64(key.lowerBound), key_end: Int64(key.upperBound),
            value_start: Int64(value.lowerBound), value_end: Int64(value.upperBound),
            kind_code: kind.rawValue, key_has_escapes: keyHasEscapes ? 1 : 0, value_has_escapes: valueHasEscapes ? 1 : 0)
    }

    /// The key's bytes between the quotes.
    var key: Range<Int> { Int(key_start)..<Int(key_end) }
    var keyHasEscapes: Bool { key_has_escapes != 0 }
    /// Both scanners write only `JSONKind` raw values.
    var kind: JSONKind { JSONKind(rawValue: kind_code)! }
    /// For strings, the bytes between the quotes; otherwise the whole value.
    var value: Range<Int> { Int(value_start)..<Int(value_end) }
    var valueHasEscapes: Bool { value_has_escapes != 0 }
}
