import Testing
@testable import ReconKit

@Suite("report.html's top tracks order")
struct ReportDigestTrackTests {
    private func track(title: String) -> ReportDigest.Track {
        ReportDigest.Track(title: title, artist: "Artist", partner: "p1", isrc: "USAAA2500001",
                           spotify: "BBBBBBBBBBBBBBBBBBBB01", direct: 10)
    }

    /// "é" as one code point (U+00E9) and as "e" + U+0301 are equal as Swift strings but print as
    /// different bytes: exactly one of the two must rank first, whatever the order they come in.
    @Test("titles that differ only in Unicode normalisation are ordered on their bytes")
    func canonicallyEquivalentTitles() {
        let composed = track(title: "Caf\u{E9}"), decomposed = track(title: "Cafe\u{301}")
        #expect(composed.title == decomposed.title)  // the trap: String equality
        #expect(ReportDigest.Track.ranksBefore(decomposed, composed))  // "e" (0x65) < 0xC3, the first byte of é
        #expect(!ReportDigest.Track.ranksBefore(composed, decomposed))
    }
}
