import Foundation
import Testing
import TestSupport
@testable import ReconKit
#if canImport(Glibc)
import Glibc
#endif

private let sixthBreakdown = "exports/breakdown/breakdown_7a2c9d14-8e3f-4b51-a6c7-9d0e1f2a3b4c_2026-04-01_2026-04-07.jsonl"

@Suite("Re-run cache")
struct RerunCacheTests {
    @Test("a re-run reads the exports from the cache beside --out; its reports equal a run without it")
    func rerunFromCache() throws {
        let work = try CacheWorkspace()
        let first = try Run.execute(work.settings())
        #expect(first.exportFilesFromCache == 0)
        #expect(work.folder.files(".out.cache") == [".soundlink-recon-cache", RerunCache.catalogSnapshotName, RerunCache.exportsSnapshotName])
        #expect(!work.folder.files("out").contains { $0.contains("cache") }, "never inside the report set")

        let second = try Run.execute(work.settings())
        #expect(second.exportFilesFromCache == work.exportCount)
        #expect(second.catalogsFromCache == 2)
        let cold = try work.coldReports()
        #expect(try work.folder.snapshot("out") == cold)
        #expect(try work.folder.read("out/rejected.jsonl").count > 0, "the sample's rejected lines come back too")
    }

    @Test("after a catalog edit the exports still come from the cache, and the reports follow the catalog")
    func catalogEdit() throws {
        let work = try CacheWorkspace()
        _ = try Run.execute(work.settings())
        let before = try work.folder.snapshot("out")
        // USAUR2500102 is matched by export rows of the sample: without it they are unmatched.
        // The file ends its lines with CR LF, which Swift reads as one character: cut at LF bytes.
        let lines = Array(try work.folder.read("catalogs/aurora.csv")).split(separator: UInt8(ascii: "\n"))
        let kept = lines.filter { !String(decoding: $0, as: UTF8.self).contains("USAUR2500102") }
        #expect(kept.count == lines.count - 1)
        try work.folder.write("catalogs/aurora.csv", bytes: Array(kept.joined(separator: [UInt8(ascii: "\n")])) + [0x0A])

        let rerun = try Run.execute(work.settings())
        #expect(rerun.exportFilesFromCache == work.exportCount)
        #expect(rerun.catalogsFromCache == 0)
        let after = try work.folder.snapshot("out")
        #expect(after["unmatched.csv"] != before["unmatched.csv"])
        #expect(after == (try work.coldReports()))
    }

    @Test("a changed, truncated or replaced export file is never served from the cache",
          arguments: ["same size, one digit changed, time put back", "truncated", "replaced by a renamed copy"])
    func changedFile(change: String) throws {
        let work = try CacheWorkspace()
        _ = try Run.execute(work.settings())
        let file = work.path(sixthBreakdown)
        switch change {
        case "truncated":
            let bytes = try work.folder.read(sixthBreakdown)
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: file))
        case "replaced by a renamed copy":
            // The same bytes under a new inode: a re-fetch that wrote a temporary file and renamed it.
            try work.folder.write("copy.jsonl", bytes: Array(try work.folder.read(sixthBreakdown)))
            #expect(rename(work.path("copy.jsonl"), file) == 0)
        default:
            try changeOneDigit(file)
        }
        // The breakdown files before the changed one (in byte order of names) and every engagement
        // file are taken from the cache (no later file replaced rows of those campaigns); the
        // changed file and those after it are read.
        let before = work.folder.files("exports/breakdown").firstIndex(of: (sixthBreakdown as NSString).lastPathComponent)
        #expect(before == 5)
        let rerun = try Run.execute(work.settings())
        #expect(rerun.exportFilesFromCache == 5 + work.count("engagement"))
        #expect(try work.folder.snapshot("out") == (try work.coldReports()))
        // The run recorded the files as they are now: the next run takes every file from the cache.
        #expect(try Run.execute(work.settings()).exportFilesFromCache == work.exportCount)
    }

    @Test("a wholly rejected file given twice is listed twice, as without the cache")
    func whollyRejectedTwice() throws {
        let work = try CacheWorkspace()
        let junk = try work.folder.write("junk.jsonl", "junk\nmore junk\n")
        func settings(out: String = "out", cache: Bool = true) -> RunSettings {
            var settings = work.settings(out: out, cache: cache)
            settings.breakdown += [junk, junk]
            return settings
        }
        let first = try Run.execute(settings())
        #expect(first.rejectedFiles.map(\.path) == [junk, junk])
        let rerun = try Run.execute(settings())
        #expect(rerun.exportFilesFromCache == work.exportCount + 2)
        #expect(rerun.rejectedFiles.map(\.path) == [junk, junk])
        _ = try Run.execute(settings(out: "cold", cache: false))
        #expect(try work.folder.snapshot("out") == (try work.folder.snapshot("cold")))
    }

    @Test("a file whose bytes no longer hash as recorded makes the run read every file again")
    func hashMismatch() throws {
        let work = try CacheWorkspace()
        // Record a wrong SHA-256 for one file, with identities that still match: only hashing can tell.
        let cache = try work.cacheAfterOneRun()
        let files = try work.exportFiles()
        let found = try #require(cache.lookup(files, breakdownFiles: work.count("breakdown"), threads: 2))
        try found.verification.wait()
        var reading = found.reuse.reading
        let wrong = reading.fingerprints[0]
        reading.fingerprints[0] = InputFingerprint(kind: wrong.kind, path: wrong.path, bytes: wrong.bytes,
                                                   sha256: String(repeating: "0", count: 64))
        try cache.store(reading, rejectedLines: found.reuse.rejectedLines, of: files,
                        identities: files.map { FileIdentity(path: $0.1.path) }).result()

        let rerun = try Run.execute(work.settings())
        #expect(rerun.exportFilesFromCache == 0)
        #expect(rerun.inputFiles.contains { $0.sha256 == wrong.sha256 })
        #expect(try work.folder.snapshot("out") == (try work.coldReports()))
        #expect(try Run.execute(work.settings()).exportFilesFromCache == work.exportCount, "the run recorded the right hash again")
    }

    @Test("a damaged or cut snapshot is not used", arguments: ["one byte flipped", "cut short"])
    func damagedSnapshot(damage: String) throws {
        let work = try CacheWorkspace()
        _ = try Run.execute(work.settings())
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: work.snapshotPath)))
        if damage == "cut short" { bytes.removeLast(bytes.count / 3) } else { bytes[bytes.count * 2 / 3] ^= 0x40 }
        try Data(bytes).write(to: URL(fileURLWithPath: work.snapshotPath))

        let rerun = try Run.execute(work.settings())
        #expect(rerun.exportFilesFromCache == 0)
        #expect(try work.folder.snapshot("out") == (try work.coldReports()))
        #expect(try Run.execute(work.settings()).exportFilesFromCache == work.exportCount, "the run wrote a good snapshot again")
    }

    @Test("random damage to either snapshot (bytes changed, or cut short) is refused, never a crash")
    func randomDamage() throws {
        let work = try CacheWorkspace()
        let cache = try work.cacheAfterOneRun()
        let sources = work.settings().catalogs
        let files = try work.exportFiles()
        var generator = SeededGenerator(seed: 20261130)
        for name in [RerunCache.catalogSnapshotName, RerunCache.exportsSnapshotName] {
            let url = URL(fileURLWithPath: work.path(".out.cache/" + name))
            let good = Array(try Data(contentsOf: url))
            for _ in 0..<100 {
                var bytes = good
                if Bool.random(using: &generator) {
                    bytes.removeLast(Int.random(in: 1..<bytes.count, using: &generator))
                } else {
                    for _ in 0..<Int.random(in: 1...3, using: &generator) {
                        bytes[Int.random(in: 0..<bytes.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
                    }
                }
                try Data(bytes).write(to: url)
                if name == RerunCache.catalogSnapshotName {
                    #expect(cache.catalogs(sources) == nil)
                } else {
                    #expect(cache.lookup(files, breakdownFiles: work.count("breakdown"), threads: 1) == nil)
                }
            }
            try Data(good).write(to: url)
        }
        #expect(cache.catalogs(sources)?.catalogs == 2, "the good snapshots, put back, are used")
        #expect(cache.lookup(files, breakdownFiles: work.count("breakdown"), threads: 1) != nil)
    }

    @Test("--no-cache neither reads nor writes the cache, and removes ours")
    func noCache() throws {
        let work = try CacheWorkspace()
        _ = try Run.execute(work.settings())
        let run = try Run.execute(work.settings(cache: false))
        #expect(run.exportFilesFromCache == 0)
        #expect(run.catalogsFromCache == 0)
        #expect(!FileManager.default.fileExists(atPath: work.path(".out.cache")))
        _ = try Run.execute(work.settings(cache: false))
        #expect(!FileManager.default.fileExists(atPath: work.path(".out.cache")))
    }

    @Test("a folder of the cache's name that holds a user's file is neither used, changed nor removed",
          arguments: ["notes.txt", RerunCache.exportsSnapshotName, RerunCache.catalogSnapshotName, RerunCache.markerName])
    func foreignFolder(name: String) throws {
        let work = try CacheWorkspace()
        // Without our marker, even a file of the snapshot's name is the user's; a file of the
        // marker's name with other text is the user's too.
        try work.folder.write(".out.cache/" + name, "mine")
        for cache in [true, false, true] {
            let run = try Run.execute(work.settings(cache: cache))
            #expect(run.exportFilesFromCache == 0)
            #expect(run.catalogsFromCache == 0)
            #expect(work.folder.files(".out.cache") == [name])
            #expect(try work.folder.text(".out.cache/" + name) == "mine")
        }
    }
}
