#if canImport(Glibc)
import Glibc
#endif

/// Cuts input text to a byte budget without splitting a UTF-8 character.
enum TextCut {
    /// `bytes` decoded as UTF-8 (invalid bytes become U+FFFD), cut to at most `limit` bytes of
    /// UTF-8; `cut` is true when anything was dropped. Reads at most `limit` input bytes.
    static func decoded(_ bytes: UnsafeRawBufferPointer, limit: Int) -> (text: String, cut: Bool) {
        let head = bytes.count > limit ? UnsafeRawBufferPointer(rebasing: bytes[0..<limit]) : bytes
        var scalars = Array(String(decoding: head, as: UTF8.self).unicodeScalars)
        // A character split by the cut decodes to U+FFFD: drop that one rather than print it.
        if head.count < bytes.count, endsInsideCharacter(head) { scalars.removeLast() }
        let (text, shortened) = prefix(scalars, limit: limit)
        return (text, shortened || head.count < bytes.count)
    }

    /// Free text for the reports: NUL replaced by U+FFFD (a NUL is never written raw into a
    /// CSV or HTML file), then cut to `InputLimits.freeTextLength` bytes at a character boundary.
    static func freeText(_ text: String) -> String {
        guard needsCleaning(text.utf8.count, hasNUL: text.utf8.contains(0)) else { return text }
        let scalars = text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }
        return prefix(scalars, limit: InputLimits.freeTextLength).text
    }

    /// `freeText` on bytes (valid UTF-8); the bytes themselves when nothing changes.
    static func freeText(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard needsCleaning(bytes.count, hasNUL: bytes.count > 0 && memchr(bytes.baseAddress!, 0, bytes.count) != nil)
        else { return nil }
        return Array(freeText(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    private static func needsCleaning(_ count: Int, hasNUL: @autoclosure () -> Bool) -> Bool {
        count > InputLimits.freeTextLength || hasNUL()
    }

    /// The leading scalars that fit in `limit` bytes of UTF-8; true when some were left out.
    private static func prefix(_ scalars: some Collection<Unicode.Scalar>, limit: Int) -> (text: String, cut: Bool) {
        var kept = String.UnicodeScalarView()
        var size = 0
        for scalar in scalars {
            let width = UTF8.width(scalar)
            if size + width > limit { return (String(kept), true) }
            kept.append(scalar)
            size += width
        }
        return (String(kept), false)
    }

    /// True when the last bytes of `bytes` start a UTF-8 sequence that is not complete.
    private static func endsInsideCharacter(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var back = 0
        while back < min(4, bytes.count) {
            let byte = bytes[bytes.count - 1 - back]
            if byte & 0xC0 != 0x80 {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                return length > back + 1
            }
            back += 1
        }
        return false
    }
}
