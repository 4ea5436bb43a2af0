import Foundation
import Testing
import TestSupport

/// What a new user tried (issue "Safe by default"): each case with its exit code and message.
@Suite("Safe defaults")
struct SafeDefaultsTests {
    private let sample = ["--config", "Config/recon.json"]

    @Test("run with no catalog, or no export, is a usage error")
    func noInputs() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let bare = try BinaryRunner.run(["run", "--out", work.path + "/out"])
        #expect(bare.status == 64)
        #expect(bare.stderr.contains("No catalog: give --catalog [NAME=]PATH, or 'catalogs' in the --config file."))
        #expect(bare.stderr.contains("See 'soundlink-recon run --help'"), "the usage shown is run's: \(bare.stderr)")
        let noExport = try BinaryRunner.run(["run", "--catalog", try work.catalog(), "--out", work.path + "/out"])
        #expect(noExport.status == 64)
        #expect(noExport.stderr.contains("No export: give --breakdown or --engagement"))
        #expect(noExport.stderr.contains("See 'soundlink-recon run --help'"), "\(noExport.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/out"))
    }

    @Test("a period that keeps nothing fails the default gate nothing_kept (exit 3); --allow-empty passes it")
    func emptyPeriod() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try BinaryRunner.run(["run"] + sample + ["--month", "2026-07", "--out", work.path + "/out"])
        #expect(outcome.status == 3)
        #expect(outcome.stdout.contains("gate nothing_kept: FAIL (value 0, limit 1)"))
        #expect(outcome.stdout.contains("no breakdown row was kept (107 lines read, 87 out of the period 2026-07-01..2026-07-31)"))
        let markdown = String(decoding: try work.read("out/summary.md"), as: UTF8.self)
        #expect(markdown.contains("| nothing_kept | 1 | 0 | FAIL |"))
        #expect(markdown.contains("nothing_kept failed: no breakdown row was kept"))
        #expect(work.files("out").contains("partners.csv"), "a failed gate still writes every report")
        let allowed = try BinaryRunner.run(["run"] + sample + ["--month", "2026-07", "--out", work.path + "/out", "--allow-empty"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    @Test("a config file's relative path that is missing: the error says paths are relative to the working directory")
    func configPathsRelativeToWorkingDirectory() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        try work.write("beside-the-config.csv", "isrc\nUSRC17607839\n")
        let config = try work.write("recon.json", #"{"catalogs": [{"path": "beside-the-config.csv"}]}"#)
        let breakdown = ["--breakdown", BinaryRunner.packageRoot + "/SampleData/exports/breakdown"]
        let outcome = try BinaryRunner.run(["run", "--config", config, "--out", work.path + "/out"] + breakdown)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "soundlink-recon: error: beside-the-config.csv: No such file or directory (paths in the "
            + "--config file are relative to the working directory, \(BinaryRunner.packageRoot), not to the file)\n")
        let given = try BinaryRunner.run(["run", "--catalog", "beside-the-config.csv", "--out", work.path + "/out"] + breakdown)
        #expect(given.stderr == "soundlink-recon: error: beside-the-config.csv: No such file or directory\n",
                "a path typed on the command line gets no hint")
    }

    @Test("without a period, an empty month's reason counts the rejected lines instead of an out-of-period clause")
    func emptyWithoutPeriod() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        // The engagement exports given as --breakdown: 77 + 16 lines (wc -l, zcat), every one rejected.
        let outcome = try BinaryRunner.run(["run", "--catalog", "SampleData/catalogs/aurora.csv",
                                            "--breakdown", "SampleData/exports/engagement", "--out", work.path + "/out"])
        #expect(outcome.status == 3)
        #expect(outcome.stdout.contains("no breakdown row was kept (93 lines read, 93 rejected, no period given)"))
        #expect(!outcome.stdout.contains("all dates"))
    }

    @Test("breakdown and engagement folders swapped: exit 3, and each file is named with the source it looks like")
    func swappedSources() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try BinaryRunner.run([
            "run", "--catalog", "SampleData/catalogs/aurora.csv", "--breakdown", "SampleData/exports/engagement",
            "--engagement", "SampleData/exports/breakdown", "--out", work.path + "/out",
        ])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains(
            "(given as --breakdown) was rejected; its lines read as engagement rows: was it meant for --engagement?"))
        #expect(outcome.stderr.contains(
            "(given as --engagement) was rejected; its lines read as breakdown rows: was it meant for --breakdown?"))
        let summary = try JSONSerialization.jsonObject(with: try work.read("out/summary.json")) as? [String: Any]
        let files = summary?["wholly_rejected_files"] as? [[String: Any]] ?? []
        #expect(!files.isEmpty)
        #expect(files.allSatisfy { ($0["looks_like"] as? String) != ($0["source"] as? String) && $0["looks_like"] is String })
    }

    @Test("an inverted period is a usage error on the command line and a config error naming the key")
    func invertedPeriod() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let line = try BinaryRunner.run(["run"] + sample + ["--from", "2026-05-31", "--to", "2026-05-01", "--out", work.path + "/out"])
        #expect(line.status == 64)
        #expect(line.stderr.contains("--to 2026-05-01 is before --from 2026-05-31: the period would hold no date."))
        let config = try work.write("c.json", #"{"from": "2026-05-31", "to": "2026-05-01"}"#)
        let file = try BinaryRunner.run(["run", "--config", config, "--catalog", try work.catalog(),
                                         "--breakdown", "SampleData/exports/breakdown", "--out", work.path + "/out"])
        #expect(file.status == 1)
        #expect(file.stderr == "soundlink-recon: error: \(config): key 'to': '2026-05-01' is before 'from' '2026-05-31'\n")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/out"))
    }

    @Test("validate never replaces a run's output set, nor run a validate set")
    func kinds() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        #expect(try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/out"]).status == 0)
        let before = work.files("out")
        let validate = try BinaryRunner.run(["validate"] + sample + ["--out", work.path + "/out"])
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("holds a 'run' output set, and 'validate' replaces only an empty folder or a 'validate' set"))
        #expect(work.files("out") == before)
        #expect(try BinaryRunner.run(["validate"] + sample + ["--out", work.path + "/v"]).status == 0)
        #expect(try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/v"]).status == 1)
        #expect(try BinaryRunner.run(["validate"] + sample + ["--out", work.path + "/v"]).status == 0, "its own kind is replaced")
    }

    @Test("export-looking files a folder scan skips are named in a warning and counted in the summary")
    func skippedFiles() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let line = try String(contentsOfFile: BinaryRunner.packageRoot + "/SampleData/exports/breakdown/"
            + (try FileManager.default.contentsOfDirectory(atPath: BinaryRunner.packageRoot + "/SampleData/exports/breakdown")
                .sorted()[0]), encoding: .utf8)
        try work.write("exports/a.jsonl", line)
        try work.write("exports/A.JSONL", line)
        try work.write("exports/cdef.json", line)
        try work.write("exports/notes.txt", "not an export")
        let outcome = try BinaryRunner.run(["run", "--catalog", try work.catalog(), "--breakdown", work.path + "/exports",
                                            "--out", work.path + "/out"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: \(work.path)/exports/A.JSONL is not read: only *.jsonl and *.jsonl.gz files"))
        #expect(outcome.stderr.contains("warning: \(work.path)/exports/cdef.json is not read"))
        #expect(!outcome.stderr.contains("notes.txt"))
        let summary = try JSONSerialization.jsonObject(with: try work.read("out/summary.json")) as? [String: Any]
        #expect(summary?["skipped_files"] as? [String] == [work.path + "/exports/A.JSONL", work.path + "/exports/cdef.json"])
    }

    @Test("same key and exported_at with different money: counted, listed in conflicts.csv, the last read still wins")
    func conflicts() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let first = BadInputTests.goodLine
        let second = BadInputTests.replaced("5.25", "7.00")
        let same = try work.write("a.jsonl", first + "\n")
        let other = try work.write("b.jsonl", second + "\n" + first.replacingOccurrences(of: #""US""#, with: #""DE""#) + "\n")
        let again = try work.write("c.jsonl", first.replacingOccurrences(of: #""US""#, with: #""DE""#) + "\n")
        let outcome = try BinaryRunner.run(["run", "--catalog", try work.catalog(), "--breakdown", same, "--breakdown", other,
                                            "--breakdown", again, "--out", work.path + "/out"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("1 breakdown rows share a primary key and exported_at with a row of different values"))
        let summary = try JSONSerialization.jsonObject(with: try work.read("out/summary.json")) as? [String: Any]
        #expect((summary?["conflicts"] as? [String: Int])?["breakdown"] == 1)
        let lines = String(decoding: try work.read("out/conflicts.csv"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2, "the identical re-export of DE is no conflict")
        #expect(lines.last == "breakdown,2026-04-01,a1,c1,US,,,2026-05-20T03:00:00Z,\(other),1,\(same),1")
    }

    @Test("command-line catalogs add to the config's; a command-line period replaces the config's with a note")
    func configMerge() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let extra = try work.write("extra.csv", "isrc,title\nUSRC17607839,One\n")
        let outcome = try BinaryRunner.run(["run"] + sample + ["--catalog", "extra=" + extra, "--from", "2026-04-10",
                                                               "--out", work.path + "/out"])
        #expect([0, 3].contains(outcome.status), "\(outcome.stderr)")
        #expect(outcome.stdout.contains("catalog aurora: 6 entries"))
        #expect(outcome.stdout.contains("catalog extra: 1 entries"))
        #expect(outcome.stderr.contains(
            "note: the command line's period 2026-04-10..open replaces the config file's 2026-04-01..2026-04-30"))
    }

    @Test("validate applies --max-unmatched-rate (exit 3 on the sample at 0.01)")
    func validateRate() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try BinaryRunner.run(["validate"] + sample + ["--max-unmatched-rate", "0.01", "--out", work.path + "/v"])
        #expect(outcome.status == 3)
        #expect(outcome.stdout.contains("gate max_unmatched_rate: FAIL (value 0.059074, limit 0.010000)"))
    }

    @Test("a failed --require-final names each campaign's provisional days and when they become final")
    func requireFinal() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try BinaryRunner.run(["run"] + sample + ["--require-final", "--out", work.path + "/out"])
        #expect(outcome.status == 3)
        #expect(outcome.stdout.contains(
            "campaign 9c3e6a10-7d4b-4a8e-b1f2-3e5d7c9a1b04: provisional 2026-04-28; final from 2026-05-06"))
        let html = String(decoding: try work.read("out/report.html"), as: UTF8.self)
        #expect(html.contains("<h2>Provisional days</h2>"))
    }
}
