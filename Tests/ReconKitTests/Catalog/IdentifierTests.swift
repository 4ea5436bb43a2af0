import Testing
@testable import ReconKit

@Suite("Identifier normalisation")
struct IdentifierTests {
    static let isrcCases: [(String?, Identifier)] = [
        ("USRC17607839", .valid("USRC17607839")),
        ("usrc17607839", .valid("USRC17607839")),
        ("US-RC1-76-07839", .valid("USRC17607839")),
        ("us-rc1-76-07839", .valid("USRC17607839")),
        ("  USRC17607839  ", .valid("USRC17607839")),
        ("US RC1 76 07839", .valid("USRC17607839")),
        ("US.RC1.76.07839", .valid("USRC17607839")),
        ("ISRC:USRC17607839", .valid("USRC17607839")),
        ("ISRC: USRC17607839", .valid("USRC17607839")),
        ("isrc usrc17607839", .valid("USRC17607839")),
        ("ISRC US-RC1-76-07839", .valid("USRC17607839")),
        ("ISRC17607839", .valid("ISRC17607839")),          // no separator after ISRC: part of the code
        ("ISRC11234567", .valid("ISRC11234567")),          // a real Icelandic-style code that starts with ISRC
        ("ISRCX1234567", .valid("ISRCX1234567")),
        ("US\u{2010}RC1\u{2011}76\u{2012}07839", .valid("USRC17607839")),
        ("US\u{2013}RC1\u{2014}76\u{2015}07839", .valid("USRC17607839")),
        ("US\u{2212}RC1\u{2212}7607839", .valid("USRC17607839")),
        ("US\u{00A0}RC1\u{00A0}76\u{00A0}07839", .valid("USRC17607839")),
        ("\u{00A0}USRC17607839\u{00A0}", .valid("USRC17607839")),
        ("USRC1760783", .invalid(raw: "USRC1760783")),
        ("USRC176078390", .invalid(raw: "USRC176078390")),
        ("1SRC17607839", .invalid(raw: "1SRC17607839")),
        ("USRC1760783X", .invalid(raw: "USRC1760783X")),
        ("US_RC17607839", .invalid(raw: "US_RC17607839")),
        ("ISRC", .invalid(raw: "ISRC")),
        ("-", .invalid(raw: "-")),
        ("ISRC:", .invalid(raw: "ISRC:")),
        ("", .absent),
        ("   ", .absent),
        (nil, .absent),
    ]

    @Test("ISRC", arguments: isrcCases)
    func isrc(raw: String?, expected: Identifier) {
        #expect(ISRC.normalize(raw) == expected)
    }

    static let spotifyCases: [(String?, Identifier)] = [
        ("11dFghVXANMlKmJXsNCbNl", .valid("11dFghVXANMlKmJXsNCbNl")),
        ("  11dFghVXANMlKmJXsNCbNl ", .valid("11dFghVXANMlKmJXsNCbNl")),
        ("spotify:track:11dFghVXANMlKmJXsNCbNl", .valid("11dFghVXANMlKmJXsNCbNl")),
        ("Spotify:Track:11dFghVXANMlKmJXsNCbNl", .valid("11dFghVXANMlKmJXsNCbNl")),
        ("https://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl", .valid("11dFghVXANMlKmJXsNCbNl")),
        ("http://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl", .valid("11dFghVXANMlKmJXsNCbNl")),
        ("https://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl?si=4f2c1a", .valid("11dFghVXANMlKmJXsNCbNl")),
        ("https://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl/", .valid("11dFghVXANMlKmJXsNCbNl")),
        ("https://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl#frag", .valid("11dFghVXANMlKmJXsNCbNl")),
        ("https://open.spotify.com/intl-de/track/11dFghVXANMlKmJXsNCbNl", .valid("11dFghVXANMlKmJXsNCbNl")),
        ("https://open.spotify.com/intl-pt-BR/track/11dFghVXANMlKmJXsNCbNl?si=x", .valid("11dFghVXANMlKmJXsNCbNl")),
        ("HTTPS://OPEN.SPOTIFY.COM/track/11dFghVXANMlKmJXsNCbNl", .valid("11dFghVXANMlKmJXsNCbNl")),
        // Found by fuzzing: case folding applies to letters only (0x1A is not ':').
        ("spotify\u{1A}track:11dFghVXANMlKmJXsNCbNl", .invalid(raw: "spotify\u{1A}track:11dFghVXANMlKmJXsNCbNl")),
        // Found by fuzzing: a combining mark after `?` does not hide the query string.
        ("https://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl?\u{20D0}", .valid("11dFghVXANMlKmJXsNCbNl")),
        // Found by fuzzing: the path is case-sensitive (only the scheme and host are not).
        ("https://open.spotify.com/tRack/11dFghVXANMlKmJXsNCbNl",
         .invalid(raw: "https://open.spotify.com/tRack/11dFghVXANMlKmJXsNCbNl")),
        // Found by fuzzing: the intl- segment is lower case, like Spotify writes it.
        ("https://open.spotify.com/inTl-pt-BR/track/11dFghVXANMlKmJXsNCbNl",
         .invalid(raw: "https://open.spotify.com/inTl-pt-BR/track/11dFghVXANMlKmJXsNCbNl")),
        // Found by fuzzing: a region segment with a NUL byte is not a region.
        ("https://open.spotify.com/intl-p\u{0}EBR/track/11dFghVXANMlKmJXsNCbNl?si=x",
         .invalid(raw: "https://open.spotify.com/intl-p\u{0}EBR/track/11dFghVXANMlKmJXsNCbNl?si=x")),
        ("https://www.open.spotify.com/track/11dFghVXANMlKmJXsNCbNl",
         .invalid(raw: "https://www.open.spotify.com/track/11dFghVXANMlKmJXsNCbNl")),
        ("https://open.spotify.com/album/11dFghVXANMlKmJXsNCbNl",
         .invalid(raw: "https://open.spotify.com/album/11dFghVXANMlKmJXsNCbNl")),
        ("11dFghVXANMlKmJXsNCbN", .invalid(raw: "11dFghVXANMlKmJXsNCbN")),
        ("11dFghVXANMlKmJXsNCbNlX", .invalid(raw: "11dFghVXANMlKmJXsNCbNlX")),
        ("11dFghVXANMlKmJXsNCb-l", .invalid(raw: "11dFghVXANMlKmJXsNCb-l")),
        ("11DFGHVXANMLKMJXSNCBNL", .valid("11DFGHVXANMLKMJXSNCBNL")),
        ("spotify:track:", .invalid(raw: "spotify:track:")),
        ("spotify:album:11dFghVXANMlKmJXsNCbNl", .invalid(raw: "spotify:album:11dFghVXANMlKmJXsNCbNl")),
        ("", .absent),
        (" ", .absent),
        (nil, .absent),
    ]

    @Test("Spotify track id", arguments: spotifyCases)
    func spotify(raw: String?, expected: Identifier) {
        #expect(SpotifyTrackID.normalize(raw) == expected)
    }

    @Test("ids that differ only in case stay different")
    func caseSensitive() {
        #expect(SpotifyTrackID.normalize("11dFghVXANMlKmJXsNCbNl") != SpotifyTrackID.normalize("11DFGHVXANMLKMJXSNCBNL"))
    }

    @Test("display is the normalised value when valid, else the raw text")
    func display() {
        #expect(ISRC.normalize("us-rc1-76-07839").display == "USRC17607839")
        #expect(ISRC.normalize("bad").display == "bad")
        #expect(ISRC.normalize(nil).display == "")
    }
}
