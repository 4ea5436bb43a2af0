/// International Standard Recording Code normalisation (SPEC §3).
public enum ISRC {
    /// Cleans `raw` and checks `^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$`.
    public static func normalize(_ raw: String?) -> Identifier {
        guard let raw else { return .absent }
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
        let candidate = String(cleaned)
        return isWellFormed(candidate) ? .valid(candidate) : .invalid(raw: raw)
    }

    private static func isRemovable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x20, 0xA0, 0x2E, 0x2010...0x2015, 0x2212: true
        default: false
        }
    }

    private static func isWellFormed(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
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
