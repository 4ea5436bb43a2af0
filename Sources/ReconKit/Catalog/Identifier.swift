/// A cleaned identifier: absent, present but invalid (raw text kept), or valid.
public enum Identifier: Hashable, Sendable {
    case absent
    case invalid(raw: String)
    case valid(String)

    /// The normalised value when valid.
    public var value: String? {
        if case let .valid(value) = self { value } else { nil }
    }

    /// The normalised value when valid, else the raw text, else empty (SPEC §6, §8).
    public var display: String {
        switch self {
        case .absent: ""
        case let .invalid(raw): raw
        case let .valid(value): value
        }
    }

    var isAbsent: Bool { self == .absent }
}

extension Unicode.Scalar {
    var isTrimmable: Bool { properties.isWhitespace }
}

extension Substring {
    /// The text without leading and trailing white space (U+00A0 included).
    func trimmed() -> Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isTrimmable }),
              let last = scalars.lastIndex(where: { !$0.isTrimmable })
        else { return "" }
        return Substring(scalars[first...last])
    }
}
