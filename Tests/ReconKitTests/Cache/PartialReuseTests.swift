import Foundation
import Testing
import TestSupport
@testable import ReconKit

/// Re-runs after some export files changed: the files before them come from the cache when no
/// later file replaced one of their rows, and the reports equal a run without the cache.
@Suite("Re-run cache: some files changed")
struct PartialReuseTests {
    /// Breakdown day files `a`, `b`, `c` (rows of April 1, 2 and 3) and one engagement file.
    private final class Month {
        let folder: TemporaryFolder
        init() throws {
            folder = try TemporaryFolder()
            try folder.write("catalog.csv", "isrc,spotify_track_id,title,artist\nDEXW62500259,,Sleep,Artist\n")
            for (name, day) in [("a", "01"), ("b", "02"), ("c", "03")] {
                try write(name, [ExportLines.breakdown(["report_date": "\"2026-04-\(day)\""]),
                                 ExportLines.breakdown(["report_date": "\"2026-04-\(day)\"", "country_code": #""FR""#])])
            }
            try folder.write("engagement/e.jsonl", ExportLines.engagement() + "\n")
        }

        func write(_ name: String, _ lines: [String]) throws {
            try folder.write("breakdown/\(name).jsonl", lines.joined(separator: "\n") + "\n")
        }

        func settings(out: String = "out", cache: Bool = true) -> RunSettings {
            var settings = RunSettings()
            settings.catalogs = [CatalogSource(argument: folder.path + "/catalog.csv")]
            settings.breakdown = [folder.path + "/breakdown"]
            settings.engagement = [folder.path + "/engagement"]
            settings.writesWorkbook = false
            settings.outputFolder = folder.path + "/" + out
            settings.usesCache = cache
            return settings
        }

        /// Runs with the cache; checks the reports against a run without it; returns the files taken from the cache.
        func rerun() throws -> Int { try run().exportFilesFromCache }

        func run() throws -> RunSummary {
            let cached = try Run.execute(settings())
            _ = try Run.execute(settings(out: "cold", cache: false))
            #expect(try folder.snapshot("out") == (try folder.snapshot("cold")))
            return cached
        }
    }

    private let refetched = ["exported_at": #""2026-05-25T03:00:00Z""#, "spend_total": "60.00", "spend_media": "49.37"]

    @Test("a re-fetched last day: the days before it and the engagement file come from the cache")
    func lastDayChanged() throws {
        let month = try Month()
        #expect(try month.rerun() == 0)
        try month.write("c", [ExportLines.breakdown(refetched.merging(["report_date": #""2026-04-03""#]) { $1 })])
        #expect(try month.rerun() == 3)
        #expect(try month.rerun() == 4)
    }

    @Test("a file that replaced rows of an earlier one: the files before it are read again too")
    func laterFileReplacedEarlierRows() throws {
        let month = try Month()
        // c re-fetches April 1 (a's day) with a newer exported_at: its row replaces a's.
        try month.write("c", [ExportLines.breakdown(refetched)])
        let first = try month.run()
        #expect(first.exportFilesFromCache == 0)
        #expect(first.breakdown.superseded == 1)
        // b changes: a is the same, but c replaced one of a's rows, so a's rows as kept after a
        // are not in the snapshot; only the engagement file is taken.
        try month.write("b", [ExportLines.breakdown(["report_date": #""2026-04-02""#, "streams": "999"])])
        #expect(try month.rerun() == 1)
    }

    @Test("a new day file: the old days come from the cache, the engagement file (whose rows carry file numbers) does not")
    func newDay() throws {
        let month = try Month()
        #expect(try month.rerun() == 0)
        try month.write("d", [ExportLines.breakdown(["report_date": #""2026-04-04""#])])
        #expect(try month.rerun() == 3)
    }

    @Test("a changed engagement file: every breakdown file comes from the cache")
    func engagementChanged() throws {
        let month = try Month()
        #expect(try month.rerun() == 0)
        try month.folder.write("engagement/e.jsonl", ExportLines.engagement(["streams": "36"]) + "\n")
        #expect(try month.rerun() == 3)
    }
}
