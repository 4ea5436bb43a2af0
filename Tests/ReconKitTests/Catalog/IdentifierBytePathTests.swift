import Testing
@testable import ReconKit

/// The byte paths (`key(bytes:)`, which build no `String` for ASCII input) against the
/// general `String` paths over Unicode scalars.
@Suite("Identifier byte paths")
struct IdentifierBytePathTests {
    static let awkwardISRCs = [
        "usrc17607839", "US-RC1-76-07839", "us-rc1-76-07839", "  USRC17607839\t", "\nUSRC17607839\r\n",
        "US RC1 76 07839", "US.RC1.76.07839", "ISRC:USRC17607839", "isrc : usrc17607839", "ISRC\tUSRC17607839",
        "ISRC17607839", "ISRC:", "ISRC", "isrc:ISRC:USRC17607839", "US\u{2010}RC1\u{2015}76\u{2212}07839",
        "US\u{00A0}RC17607839", "\u{00A0}USRC17607839\u{3000}", "ÜSRC17607839", "ＵＳRC17607839",
        "USRC1760783\u{0661}", "USRC17607839\u{301}", "USRC1760783", "USRC176078390", "US_RC17607839",
        "", " ", "\u{00A0}", "-", "---", "é",
    ]

    @Test("ISRC: the byte path agrees with the String path", arguments: awkwardISRCs)
    func isrc(raw: String) {
        let scalars = ISRC.normalizeScalars(raw)
        var text = raw
        let key = text.withUTF8 { ISRC.key(bytes: UnsafeRawBufferPointer($0)) }
        #expect(key == IdentifierKey(scalars))
        #expect(text.withUTF8 { ISRC.normalize(bytes: UnsafeRawBufferPointer($0)) } == scalars)
    }

    static let awkwardSpotifyIDs = [
        "11dFghVXANMlKmJXsNCbNl", " 11dFghVXANMlKmJXsNCbNl\n", "spotify:track:11dFghVXANMlKmJXsNCbNl",
        "SPOTIFY:TRACK:11dFghVXANMlKmJXsNCbNl", "spotify:track: 11dFghVXANMlKmJXsNCbNl",
        "https://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl?si=4f2c1a",
        "https://open.spotify.com/intl-pt-BR/track/11dFghVXANMlKmJXsNCbNl/#x",
        "HTTP://Open.Spotify.Com/track/11dFghVXANMlKmJXsNCbNl", "https://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl?é",
        "https://open.spotify.com/intl-dé/track/11dFghVXANMlKmJXsNCbNl", "https://open.spotify.com/track/",
        "https://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl/extra", "11dFghVXANMlKmJXsNCbNé",
        "\u{00A0}11dFghVXANMlKmJXsNCbNl\u{00A0}", "11dFgh-VXANMlKmJXsNCbNl", "11dfghvxanmlkmjxsncbnl",
        "spotify:track:", "spotify:album:11dFghVXANMlKmJXsNCbNl", "", "  ", "\u{2003}",
    ]

    @Test("Spotify track id: the byte path agrees with the String path", arguments: awkwardSpotifyIDs)
    func spotify(raw: String) {
        let scalars = SpotifyTrackID.normalizeScalars(raw)
        var text = raw
        let key = text.withUTF8 { SpotifyTrackID.key(bytes: UnsafeRawBufferPointer($0)) }
        #expect(key == IdentifierKey(scalars))
        #expect(text.withUTF8 { SpotifyTrackID.normalize(bytes: UnsafeRawBufferPointer($0)) } == scalars)
    }

    @Test("a key holds the normalised bytes, worked out by hand")
    func keyBytes() {
        var raw = "isrc: us-rc1.76 07839"
        let key = raw.withUTF8 { ISRC.key(bytes: UnsafeRawBufferPointer($0)) }
        #expect(key.kind == .valid)
        #expect(key.withBytes { Array($0) } == Array("USRC17607839".utf8))
        var url = "https://open.spotify.com/intl-de/track/4cOdK2wGLETKBW3PvgPWqT?si=1"
        let id = url.withUTF8 { SpotifyTrackID.key(bytes: UnsafeRawBufferPointer($0)) }
        #expect(id.withBytes { Array($0) } == Array("4cOdK2wGLETKBW3PvgPWqT".utf8))
        var blank = " \t "
        #expect(blank.withUTF8 { ISRC.key(bytes: UnsafeRawBufferPointer($0)) } == .absent)
        var bad = "US-RC1"
        #expect(bad.withUTF8 { ISRC.key(bytes: UnsafeRawBufferPointer($0)) } == .invalid)
    }
}
