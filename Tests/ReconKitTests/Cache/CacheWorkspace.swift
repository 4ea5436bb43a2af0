import Foundation
import Testing
import TestSupport
@testable import ReconKit
#if canImport(Glibc)
import Glibc
#endif

/// The sample month copied into a temporary folder, so that its files can be changed.
final class CacheWorkspace {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    let folder: TemporaryFolder
    var root: String { folder.path }

    init() throws {
        folder = try TemporaryFolder()
        for part in ["exports", "catalogs"] {
            try FileManager.default.copyItem(atPath: Self.packageRoot + "/SampleData/" + part, toPath: root + "/" + part)
        }
    }

    /// The sample's settings (two of its catalogs), reports into `out`.
    func settings(out: String = "out", cache: Bool = true) -> RunSettings {
        var settings = RunSettings()
        settings.catalogs = [CatalogSource(argument: "aurora=\(root)/catalogs/aurora.csv"),
                             CatalogSource(argument: "borealis=\(root)/catalogs/borealis.csv")]
        settings.breakdown = [root + "/exports/breakdown"]
        settings.engagement = [root + "/exports/engagement"]
        settings.overviews = [root + "/exports/overview"]
        settings.period = Period(month: "2026-04")!
        settings.allocatePlaylistSpend = true
        settings.writesWorkbook = false
        settings.outputFolder = root + "/" + out
        settings.usesCache = cache
        return settings
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// What a run without the cache writes for the same inputs, into a folder of its own.
    func coldReports() throws -> [String: Data] {
        let cold = try Run.execute(settings(out: "cold", cache: false))
        #expect(cold.exportFilesFromCache == 0)
        return try folder.snapshot("cold")
    }

    /// Runs once into `out`, so that the cache beside it holds both snapshots; returns that cache.
    func cacheAfterOneRun() throws -> RerunCache {
        _ = try Run.execute(settings())
        return try #require(RerunCache(folder: path(".out.cache")))
    }

    /// The sample's export files as a run lists them: breakdown files first.
    func exportFiles() throws -> [(kind: String, file: ExportFile)] {
        try ExportFile.resolve(settings().breakdown).map { ("breakdown", $0) }
            + ExportFile.resolve(settings().engagement).map { ("engagement", $0) }
    }

    var snapshotPath: String { path(".out.cache/" + RerunCache.exportsSnapshotName) }

    /// Export files of `source` in the sample.
    func count(_ source: String) -> Int { folder.files("exports/" + source).count }
    var exportCount: Int { count("breakdown") + count("engagement") }
}


/// Changes the digit after the first `marker` in `path` in place: same size, other bytes;
/// then puts the modification time back.
func changeOneDigit(_ path: String, after marker: String = "\"impressions\":") throws {
    var info = stat()
    stat(path, &info)
    var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let marker = Array(marker.utf8)
    let at = try #require((0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
    let digit = at + marker.count
    bytes[digit] = bytes[digit] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
    var times = [info.st_atim, info.st_mtim]
    utimensat(AT_FDCWD, path, &times, 0)
}
