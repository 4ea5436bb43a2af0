/// International Standard Recording Code normalisation (SPEC §3).
public enum ISRC {
    /// Cleans `raw` and checks `^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$`.
    public static func normalize(_ raw: String?) -> Identifier {
        guard var raw else { return .absent }
        return raw.withUTF8 { normalize(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The same on UTF-8 bytes.
    static func normalize(bytes raw: UnsafeRawBufferPointer) -> Identifier {
        key(bytes: raw).identifier(raw: raw)
    }

    /// The normalised key of UTF-8 bytes; ASCII text takes a fast path without `String` work
    /// (other text goes through `normalizeScalars`, for Unicode spaces and dashes).
    static func key(bytes raw: UnsafeRawBufferPointer) -> IdentifierKey {
        guard ASCIIBytes.isASCII(raw) else { return IdentifierKey(normalizeScalars(ASCIIBytes.string(raw))) }
        let range = ASCIIBytes.trimmed(raw)
        if range.isEmpty { return .absent }
        var text = UnsafeRawBufferPointer(rebasing: raw[range])
        if text.count > 4, ASCIIBytes.hasPrefix(text, "isrc"), text[4] == UInt8(ascii: ":") || ASCIIBytes.isSpace(text[4]) {
            text = UnsafeRawBufferPointer(rebasing: text[4...])
            let rest = ASCIIBytes.trimmed(text)
            text = UnsafeRawBufferPointer(rebasing: text[rest])
            if text.first == UInt8(ascii: ":") { text = UnsafeRawBufferPointer(rebasing: text[1...]) }
        }
        var code: (UInt64, UInt64) = (0, 0)
        var count = 0
        let valid = withUnsafeMutableBytes(of: &code) { code -> Bool in
            for byte in text where byte != UInt8(ascii: "-") && byte != UInt8(ascii: " ") && byte != UInt8(ascii: ".") {
                guard count < 12 else { return false }
                code[count] = ASCIIBytes.uppercased(byte)
                count += 1
            }
            return count == 12 && isWellFormed(UnsafeRawBufferPointer(rebasing: code[0..<12]))
        }
        guard valid else { return .invalid }
        return withUnsafeBytes(of: code) { IdentifierKey(valid: UnsafeRawBufferPointer(rebasing: $0[0..<12])) }
    }

    /// The general path over Unicode scalars (the fast path must agree with it; fuzzed).
    static func normalizeScalars(_ raw: String) -> Identifier {
        let trimmed = Substring(raw).trimmed()
        if trimmed.isEmpty { return .absent }
        var text = Substring(trimmed.uppercased())
        if text.hasPrefix("ISRC"), let next = text.dropFirst(4).unicodeScalars.first,
           next == ":" || next.isTrimmable {
            text = text.dropFirst(4).trimmed()
            if text.hasPrefix(":") { text = text.dropFirst() }
        }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isRemovable(scalar) {
            cleaned.append(scalar)
        }
        var candidate = String(cleaned)
        let valid = candidate.withUTF8 { isWellFormed(UnsafeRawBufferPointer($0)) }
        return valid ? .valid(candidate) : .invalid(raw: raw)
    }

    private static func isRemovable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x20, 0xA0, 0x2E, 0x2010...0x2015, 0x2212: true
        default: false
        }
    }

    private static func isWellFormed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == 12 else { return false }
        for (index, byte) in bytes.enumerated() {
            let isLetter = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            switch index {
            case 0..<2: if !isLetter { return false }
            case 2..<5: if !(isLetter || isDigit) { return false }
            default: if !isDigit { return false }
            }
        }
        return true
    }
}
