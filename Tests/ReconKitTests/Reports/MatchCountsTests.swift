import Testing
@testable import ReconKit

@Suite("Match counts")
struct MatchCountsTests {
    @Test("each result is counted under its own outcome name", arguments: [
        (MatchResult.matched(entry: 3, method: .isrc), "isrc"),
        (.matched(entry: 0, method: .spotifyID), "spotify_id"),
        (.playlist, "playlist"),
        (.unmatched(.noKeys), "no_keys"),
        (.unmatched(.invalidKeys), "invalid_keys"),
        (.unmatched(.notInCatalog), "not_in_catalog"),
    ])
    func outcome(result: MatchResult, name: String) {
        var counts = MatchCounts()
        counts.add(result)
        counts.add(result)
        #expect(counts[name] == 2)
        #expect(counts.byOutcome == [name: 2])
        for other in MatchCounts.outcomes where other != name { #expect(counts[other] == 0) }
    }
}
