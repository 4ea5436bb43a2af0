/// Spotify track id normalisation (SPEC §3): bare ids, `spotify:track:` URIs and share URLs.
public enum SpotifyTrackID {
    /// Extracts the 22-character base-62 id; case is kept.
    public static func normalize(_ raw: String?) -> Identifier {
        guard var raw else { return .absent }
        return raw.withUTF8 { normalize(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The same on UTF-8 bytes.
    static func normalize(bytes raw: UnsafeRawBufferPointer) -> Identifier {
        key(bytes: raw).identifier(raw: raw)
    }

    /// The normalised key of UTF-8 bytes; bare ids, `spotify:track:` URIs and plain share URLs
    /// take a fast path without `String` work (other text goes through `normalizeScalars`).
    static func key(bytes raw: UnsafeRawBufferPointer) -> IdentifierKey {
        let range = ASCIIBytes.trimmed(raw)
        if range.isEmpty, ASCIIBytes.isASCII(raw) { return .absent }
        var text = UnsafeRawBufferPointer(rebasing: raw[range])
        if text.count == 14 + 22, ASCIIBytes.hasPrefix(text, "spotify:track:") {
            text = UnsafeRawBufferPointer(rebasing: text[14...])
        }
        if let id = urlIDBytes(text) { text = id }
        if text.count == 22, text.allSatisfy(ASCIIBytes.isAlphanumeric) { return IdentifierKey(valid: text) }
        return IdentifierKey(normalizeScalars(ASCIIBytes.string(raw)))
    }

    /// The id segment of a plain `https://open.spotify.com/[intl-xx/]track/ID[/][?…][#…]` URL.
    private static func urlIDBytes(_ text: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        let hostEnd: Int
        if ASCIIBytes.hasPrefix(text, "https://open.spotify.com/") {
            hostEnd = 25
        } else if ASCIIBytes.hasPrefix(text, "http://open.spotify.com/") {
            hostEnd = 24
        } else {
            return nil
        }
        var end = text.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? text.count
        if end > hostEnd, text[end - 1] == UInt8(ascii: "/") { end -= 1 }
        var path = UnsafeRawBufferPointer(rebasing: text[hostEnd..<end])
        if path.starts(with: "intl-".utf8), let slash = path.firstIndex(of: UInt8(ascii: "/")) {
            // Same rule as `isRegionSegment`: letters and hyphens after `intl-`.
            let region = path[5..<slash]
            guard !region.isEmpty, region.allSatisfy({ ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 || $0 == 45 }) else {
                return nil
            }
            path = UnsafeRawBufferPointer(rebasing: path[(slash + 1)...])
        }
        guard path.count == 6 + 22, path.starts(with: "track/".utf8) else { return nil }
        return UnsafeRawBufferPointer(rebasing: path[6...])
    }

    /// The general path over Unicode scalars (the fast path must agree with it; fuzzed).
    static func normalizeScalars(_ raw: String) -> Identifier {
        let trimmed = Substring(raw).trimmed()
        if trimmed.isEmpty { return .absent }
        let candidate = uriID(trimmed) ?? urlID(trimmed) ?? trimmed
        return isWellFormed(candidate) ? .valid(String(candidate)) : .invalid(raw: raw)
    }

    private static func uriID(_ text: Substring) -> Substring? {
        let prefix = "spotify:track:"
        guard text.count > prefix.count, text.prefix(prefix.count).lowercased() == prefix else { return nil }
        return text.dropFirst(prefix.count)
    }

    /// Works on Unicode scalars, not characters: a `?` followed by a combining mark still starts the query.
    private static func urlID(_ text: Substring) -> Substring? {
        let scalars = Array(text.unicodeScalars)
        let lowered = String(String.UnicodeScalarView(scalars.prefix(25))).lowercased()
        let hostEnd: Int
        if lowered.hasPrefix("https://open.spotify.com/") {
            hostEnd = 25
        } else if lowered.hasPrefix("http://open.spotify.com/") {
            hostEnd = 24
        } else {
            return nil
        }
        var rest = scalars[hostEnd...]
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        var segments = rest.split(separator: "/", omittingEmptySubsequences: false)
            .map { Substring(String(String.UnicodeScalarView($0))) }
        if segments.last == "" { segments.removeLast() }
        if let first = segments.first, isRegionSegment(first) { segments.removeFirst() }
        guard segments.count == 2, segments[0] == "track" else { return "" }
        return segments[1]
    }

    /// `intl-xx`, optionally with a region (`intl-pt-BR`).
    private static func isRegionSegment(_ segment: Substring) -> Bool {
        guard segment.hasPrefix("intl-"), segment.count > 5 else { return false }
        return segment.dropFirst(5).allSatisfy { ($0.isASCII && $0.isLetter) || $0 == "-" }
    }

    private static func isWellFormed(_ id: Substring) -> Bool {
        id.utf8.count == 22 && id.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
        }
    }
}
