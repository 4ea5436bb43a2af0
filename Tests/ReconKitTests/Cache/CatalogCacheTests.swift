import Foundation
import Testing
import TestSupport
@testable import ReconKit

@Suite("Catalogs in the re-run cache")
struct CatalogCacheTests {
    /// Two catalogs with every kind of issue: duplicates, a conflict, invalid keys, no keys, and
    /// a line that is not UTF-8 (read as Windows-1252).
    private func awkwardSources(in folder: TemporaryFolder) throws -> [CatalogSource] {
        let first = try folder.write("first.csv", bytes: Array("""
            ISRC,Spotify URL,Title,Artist
            USAAA2500001,,Title One,Artist A
            US-AAA-25-00001,spotify:track:7qiZfU4dY1lWllzX7mPBI3,Same ISRC again,Artist A
            USAAA2500003,spotify:track:7qiZfU4dY1lWllzX7mPBI3,Same Spotify id again,Artist A
            not-an-isrc,https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC,"Caf
            """.utf8) + [0xE9] + Array("""
            , Pt. 2",Artist B
            ,,No keys,Nobody

            """.utf8))
        let second = try folder.write("second.csv", """
            isrc;spotify_id;title
            USAAA2500001;;Claimed first elsewhere
            GBBBB2500002;;=SUM(A1)
            GBBBB2500004;4uLU6hMCjMI75M1A2tKUQC;Spotify id claimed first elsewhere

            """)
        return [CatalogSource(name: "first", path: first),
                CatalogSource(name: "second", path: second, delimiter: UInt8(ascii: ";"))]
    }

    @Test("a catalog set written to a snapshot reads back with the same entries, issues, files and keys")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let loaded = try CatalogLoader.load(try awkwardSources(in: folder))
        #expect(Set(loaded.issues.map(\.kind)) == Set(CatalogIssue.Kind.allCases.filter { $0 != .invalidSpotifyID }))
        let writer = try #require(SnapshotWriter(path: folder.path + "/catalogs"))
        loaded.write(to: writer)
        try writer.finish()
        let reader = try #require(SnapshotReader(path: folder.path + "/catalogs"))
        let read = try CatalogSet.read(from: reader)

        #expect(read.entries == loaded.entries)
        #expect(read.issues == loaded.issues)
        #expect(read.files == loaded.files)
        #expect(read.isrcIndex == loaded.isrcIndex)
        #expect(read.spotifyIndex == loaded.spotifyIndex)
        #expect(read.isrcKeys.claimOwners == loaded.isrcKeys.claimOwners, "claim order kept")
        #expect(read.spotifyKeys.claimOwners == loaded.spotifyKeys.claimOwners, "claim order kept")
        #expect(read.entry(isrc: "USAAA2500001")?.title == "Title One")
        #expect(read.entry(spotifyTrackID: "4uLU6hMCjMI75M1A2tKUQC")?.title == "Café, Pt. 2")
        #expect(read.entry(isrc: "GBBBB2500002")?.partner == "second")
    }

    @Test("a re-run takes unchanged catalogs from the cache; its reports equal a run without it")
    func unchangedCatalogs() throws {
        let work = try CacheWorkspace()
        #expect(try Run.execute(work.settings()).catalogsFromCache == 0)
        let rerun = try Run.execute(work.settings())
        #expect(rerun.catalogsFromCache == 2)
        let cold = try Run.execute(work.settings(out: "cold", cache: false))
        #expect(rerun.catalogFiles == cold.catalogFiles, "the same counts and fingerprints")
        #expect(try work.folder.snapshot("out") == (try work.folder.snapshot("cold")))
    }

    @Test("a catalog changed in place (same size, time put back), replaced or given otherwise is read again, with those after it",
          arguments: ["one digit changed", "replaced by a renamed copy", "another delimiter", "another name",
                      "another title column", "the catalogs in another order", "the second catalog changed"])
    func changedCatalog(change: String) throws {
        let work = try CacheWorkspace()
        _ = try Run.execute(work.settings())
        let before = try work.folder.snapshot("out")
        var settings = work.settings()
        switch change {
        case "one digit changed":
            // USAUR2500102 becomes USAUR2500112, which no export row has (its rows still match on
            // the Spotify id): the ISRC in tracks.csv changes.
            try changeOneDigit(work.path("catalogs/aurora.csv"), after: "USAUR25001")
        case "replaced by a renamed copy":
            try work.folder.write("copy.csv", bytes: Array(try work.folder.read("catalogs/aurora.csv")))
            #expect(rename(work.path("copy.csv"), work.path("catalogs/aurora.csv")) == 0)
        case "another delimiter":
            settings.catalogs[0].delimiter = UInt8(ascii: ",")
        case "the second catalog changed":
            // GBBRL2400002 becomes GBBRL2400012 in borealis, the second of the two catalogs.
            try changeOneDigit(work.path("catalogs/borealis.csv"), after: "GBBRL24000")
        case "another title column":
            settings.catalogs[0].columns[.title] = "Title"  // what the aliases find: the same reports
        case "the catalogs in another order":
            settings.catalogs.reverse()
        default:
            settings.catalogs[0].name = "aurora-records"
        }
        let rerun = try Run.execute(settings)
        #expect(rerun.catalogsFromCache == (change == "the second catalog changed" ? 1 : 0), "the leading unchanged ones")
        #expect(rerun.exportFilesFromCache == work.exportCount)
        let after = try work.folder.snapshot("out")
        var cold = settings
        cold.outputFolder = work.path("cold")
        cold.usesCache = false
        _ = try Run.execute(cold)
        #expect(after == (try work.folder.snapshot("cold")))
        // A copy, or a delimiter or column given by name that detection finds anyway, load the
        // same catalogs; the sample's two catalogs share no key, so their order changes no line.
        if ["one digit changed", "another name", "the second catalog changed"].contains(change) {
            #expect(after != before, "the reports follow the catalogs")
        }
        #expect(try Run.execute(settings).catalogsFromCache == 2, "the run recorded the catalogs as they are now")
    }

    @Test("a catalog whose bytes no longer hash as recorded is loaded again")
    func hashMismatch() throws {
        let work = try CacheWorkspace()
        // Record a wrong SHA-256 with identities that still match: only hashing can tell.
        let cache = try work.cacheAfterOneRun()
        let sources = work.settings().catalogs
        var catalogs = try #require(cache.catalogs(sources)).set
        let right = try #require(catalogs.files[1].fingerprint)
        catalogs.files[1].fingerprint = InputFingerprint(kind: right.kind, path: right.path, bytes: right.bytes,
                                                         sha256: String(repeating: "0", count: 64))
        try cache.store(catalogs, sources: sources, identities: sources.map { FileIdentity(path: $0.path) }).result()
        #expect(cache.catalogs(sources) == nil)

        let rerun = try Run.execute(work.settings())
        #expect(rerun.catalogsFromCache == 0)
        #expect(rerun.inputFiles.contains(right))
        #expect(try work.folder.snapshot("out") == (try work.coldReports()))
        #expect(try Run.execute(work.settings()).catalogsFromCache == 2, "the run recorded the right hash again")
    }

    @Test("a damaged or cut catalog snapshot is not used", arguments: ["one byte flipped", "cut short"])
    func damagedSnapshot(damage: String) throws {
        let work = try CacheWorkspace()
        _ = try Run.execute(work.settings())
        let path = work.path(".out.cache/" + RerunCache.catalogSnapshotName)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        if damage == "cut short" { bytes.removeLast(bytes.count / 3) } else { bytes[bytes.count * 2 / 3] ^= 0x40 }
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let rerun = try Run.execute(work.settings())
        #expect(rerun.catalogsFromCache == 0)
        #expect(rerun.exportFilesFromCache == work.exportCount, "the exports' snapshot is still used")
        #expect(try work.folder.snapshot("out") == (try work.coldReports()))
        #expect(try Run.execute(work.settings()).catalogsFromCache == 2, "the run wrote a good snapshot again")
    }

    @Test("catalogs that changed while they were loaded are not recorded, and an older record is removed")
    func changedWhileLoading() throws {
        let work = try CacheWorkspace()
        let cache = try work.cacheAfterOneRun()
        let sources = work.settings().catalogs
        let catalogs = try #require(cache.catalogs(sources)).set
        var stale = sources.map { FileIdentity(path: $0.path) }
        stale[0]?.modifiedSeconds -= 1
        try cache.store(catalogs, sources: sources, identities: stale).result()
        #expect(!FileManager.default.fileExists(atPath: work.path(".out.cache/" + RerunCache.catalogSnapshotName)))
        #expect(cache.catalogs(sources) == nil)
    }

    @Test("the set after its first catalog, read back from a snapshot and continued with the second, is the set loaded whole")
    func prefixThenRest() throws {
        let folder = try TemporaryFolder()
        let sources = try awkwardSources(in: folder)
        let whole = try CatalogLoader.load(sources)
        let writer = try #require(SnapshotWriter(path: folder.path + "/catalogs"))
        whole.write(to: writer)
        try writer.finish()
        let first = try CatalogSet.read(from: try #require(SnapshotReader(path: folder.path + "/catalogs")), catalogs: 1)
        let alone = try CatalogLoader.load(Array(sources.prefix(1)))
        #expect(first.entries == alone.entries)
        #expect(first.issues == alone.issues)
        #expect(first.files == alone.files)
        #expect(first.isrcKeys.claimOwners == alone.isrcKeys.claimOwners)
        #expect(first.spotifyKeys.claimOwners == alone.spotifyKeys.claimOwners)
        let continued = try CatalogLoader.load(sources, after: first)
        #expect(continued.entries == whole.entries)
        #expect(continued.issues == whole.issues)
        #expect(continued.files == whole.files)
        #expect(continued.isrcIndex == whole.isrcIndex)
        #expect(continued.spotifyIndex == whole.spotifyIndex)
        #expect(continued.issues.contains { $0.kind == .conflictISRC } && continued.issues.contains { $0.kind == .conflictSpotifyID },
                "the second catalog's claims meet the first's")
    }
}
