import Testing
@testable import ReconKit
import TestSupport

@Suite("Matcher")
struct MatcherTests {
    /// Two catalogs; `b` repeats `a`'s ISRC (a conflict: `a` keeps it) and adds a Spotify-only entry.
    private func catalogs(in folder: TemporaryFolder) throws -> CatalogSet {
        let first = try folder.write("a.csv", "isrc,spotify_id,title\nUSRC17607839,11dFghVXANMlKmJXsNCbNl,One\n")
        let second = try folder.write(
            "b.csv", "isrc,spotify_id,title\nUSRC17607839,,Again\n,spotify:track:4cOdK2wGLETKBW3PvgPWqT,Two\n")
        return try CatalogLoader.load([CatalogSource(name: "a", path: first), CatalogSource(name: "b", path: second)])
    }

    @Test("export identifiers in any accepted spelling match; the catalog keys are not interned into the run's pool")
    func matchesByID() throws {
        let folder = try TemporaryFolder()
        let catalogs = try catalogs(in: folder)
        let pool = StringPool()
        let spelled = pool.intern("us-rc1-76-07839")
        let url = pool.intern("https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT?si=x")
        let unknown = pool.intern("GB-AAA-00-00001")
        let invalid = pool.intern("not an isrc")
        let internedBefore = pool.count
        let matcher = Matcher(catalogs: catalogs, pool: pool)
        // Absent, then the four texts above: the three catalog keys were not added.
        #expect(internedBefore == 5)
        #expect(pool.count == internedBefore)

        #expect(matcher.match(isrc: spelled, spotifyTrackID: .absent) == .matched(entry: 0, method: .isrc))
        #expect(matcher.match(isrc: invalid, spotifyTrackID: url) == .matched(entry: 1, method: .spotifyID))
        #expect(matcher.match(isrc: unknown, spotifyTrackID: .absent) == .unmatched(.notInCatalog))
        #expect(matcher.match(isrc: invalid, spotifyTrackID: .absent) == .unmatched(.invalidKeys))
        #expect(matcher.match(isrc: .absent, spotifyTrackID: .absent) == .unmatched(.noKeys))
        // The second call answers from the cache, the same way.
        #expect(matcher.match(isrc: spelled, spotifyTrackID: .absent) == .matched(entry: 0, method: .isrc))

        // A normalised key finds its owner; a key of the other kind, or of no catalog, finds none.
        func key(_ text: String) -> PackedKey? { Array(text.utf8).withUnsafeBytes { PackedKey($0) } }
        #expect(key("USRC17607839").flatMap(matcher.keys.entry(isrc:)) == 0)
        #expect(key("4cOdK2wGLETKBW3PvgPWqT").flatMap(matcher.keys.entry(spotifyTrackID:)) == 1)
        #expect(key("11dFghVXANMlKmJXsNCbNl").flatMap(matcher.keys.entry(spotifyTrackID:)) == 0)
        #expect(key("4cOdK2wGLETKBW3PvgPWqT").flatMap(matcher.keys.entry(isrc:)) == nil)
        #expect(key("GBAAA0000001").flatMap(matcher.keys.entry(isrc:)) == nil)

        // An unmatched valid key prints its normalised form, an invalid one its raw text.
        let unmatched = MatchResult.unmatched(.notInCatalog)
        #expect(pool.string(matcher.sideKey(unmatched, isrc: unknown, spotifyTrackID: .absent).isrc) == "GBAAA0000001")
        #expect(matcher.sideKey(unmatched, isrc: invalid, spotifyTrackID: .absent).isrc == invalid)
    }
}
