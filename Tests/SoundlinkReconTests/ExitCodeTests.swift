import Foundation
import Testing
import TestSupport

@Suite("Exit codes and messages")
struct ExitCodeTests {
    private let sampleInputs = [
        "--catalog", "aurora=SampleData/catalogs/aurora.csv", "--breakdown", "SampleData/exports/breakdown",
        "--engagement", "SampleData/exports/engagement", "--month", "2026-04",
    ]

    @Test("a failed gate still writes every report, then exits 3")
    func gates() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        for gate in [["--require-final"], ["--strict"], ["--max-unmatched-rate", "0.01"]] {
            let outcome = try BinaryRunner.run(["run", "--config", "Config/recon.json", "--out", work.path + "/out"] + gate)
            #expect(outcome.status == 3, "\(gate)")
            #expect(work.files("out").contains("territories.csv"))
            let summary = try JSONSerialization.jsonObject(with: try work.read("out/summary.json")) as? [String: Any]
            #expect(summary?["passed"] as? Bool == false)
        }
    }

    /// One unmatched row spending 1 and one matched row spending 127: the unmatched share is 1/128 =
    /// 0.0078125 exactly. It prints as 0.007812 (half-to-even) but is above a limit of 0.007812 (SPEC §7:
    /// the share must be at most R), and below 0.007813.
    @Test("--max-unmatched-rate compares the exact share: 1/128 fails a limit of 0.007812")
    func exactUnmatchedShare() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let row = { (country: String, isrc: String, spend: Int) in
            #"{"provider":"soundlink","account_id":"a1","report_date":"2026-04-01","exported_at":"2026-05-20T03:00:00Z","#
                + #""campaign_id":"c1","campaign_target_isrc":"\#(isrc)","country_code":"\#(country)","streams":1,"#
                + #""spend_total":\#(spend),"currency":"USD"}"# + "\n"
        }
        let inputs = ["--no-workbook", "--no-cache",
                      "--catalog", try work.write("catalog.csv", "isrc,title\nUSAAA2500001,A\n"),
                      "--breakdown", try work.write("b.jsonl", row("C1", "USZZZ2500009", 1) + row("C2", "USAAA2500001", 127))]
        let above = try BinaryRunner.run(["run", "--out", work.path + "/a", "--max-unmatched-rate", "0.007812"] + inputs)
        #expect(above.status == 3, "\(above.stderr)")
        #expect(above.stdout.contains("gate max_unmatched_rate: FAIL (value 0.007812, limit 0.007812)"), "\(above.stdout)")
        let below = try BinaryRunner.run(["run", "--out", work.path + "/b", "--max-unmatched-rate", "0.007813"] + inputs)
        #expect(below.status == 0, "\(below.stdout)")
    }

    @Test("--help lists every exit code, 64 for a usage error included, and a usage error exits 64")
    func helpListsExitCodes() throws {
        let help = try BinaryRunner.run(["--help"])
        #expect(help.status == 0)
        let text = help.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        #expect(text.contains("64 a usage error"), "\(help.stdout)")
        #expect(try BinaryRunner.run(["run", "--mnth", "2026-04"]).status == 64)
    }

    @Test("validate points to run for the files it does not write, and a failed --strict to rejected.jsonl")
    func validatePointers() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try BinaryRunner.run(["validate", "--config", "Config/recon.json", "--strict", "--out", work.path + "/v"])
        #expect(outcome.status == 3)
        #expect(outcome.stdout.contains("(row_checks.csv, written by run)"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("gate strict: FAIL (value 6, limit 0)\n  each rejected line is in rejected.jsonl"))
        #expect(!work.files("v").contains("row_checks.csv"))
        let run = try BinaryRunner.run(["run", "--config", "Config/recon.json", "--out", work.path + "/r"])
        #expect(run.stdout.contains("+ fees (row_checks.csv)\n"), "\(run.stdout)")
    }

    @Test("a missing catalog exits 1 with one line naming the file, and leaves no output")
    func missingCatalog() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try BinaryRunner.run(["run", "--catalog", "nope.csv", "--out", work.path + "/out",
                                            "--breakdown", "SampleData/exports/breakdown"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "soundlink-recon: error: nope.csv: No such file or directory\n")
        #expect(work.files("").isEmpty)
    }

    @Test("an unterminated quote names the file and the line where it opened")
    func unterminatedQuote() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let catalog = try work.write("bad.csv", "isrc,title\nUSRC17607839,ok\nUSRC17607840,\"open\n")
        let outcome = try BinaryRunner.run(["validate", "--catalog", catalog, "--out", work.path + "/out",
                                            "--breakdown", "SampleData/exports/breakdown"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "soundlink-recon: error: \(catalog):3: quoted field never closes\n")
    }

    @Test("a folder given as a catalog, and a header with no key column, exit 1")
    func unusableCatalogs() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let exports = ["--breakdown", "SampleData/exports/breakdown"]
        let folder = try BinaryRunner.run(["validate", "--catalog", work.path, "--out", work.path + "/out"] + exports)
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("is a folder, not a file"))
        let noKeys = try work.write("nokeys.csv", "title,artist\nA,B\n")
        let header = try BinaryRunner.run(["validate", "--catalog", noKeys, "--out", work.path + "/out"] + exports)
        #expect(header.status == 1)
        #expect(header.stderr == "soundlink-recon: error: \(noKeys):1: header has neither an ISRC nor a Spotify track id column "
            + "(found 'title', 'artist'); name yours in the catalog's \"columns\" in the --config file\n")
    }

    @Test("foreign files in --out: refused, naming them; --force moves them aside whole and deletes nothing")
    func foreignOutput() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        try work.write("out/notes.txt", "mine")
        try work.write("out/budget.csv", "a,b\n")
        let refused = try BinaryRunner.run(["run", "--out", work.path + "/out"] + sampleInputs)
        #expect(refused.status == 1)
        #expect(refused.stderr == "soundlink-recon: error: \(work.path)/out: holds files that are not a soundlink-recon "
            + "output set (budget.csv, notes.txt); choose another --out, or pass --force to move the folder aside to "
            + "\(work.path)/out.previous (or the next free name) and write the reports in its place\n")
        #expect(work.files("out") == ["budget.csv", "notes.txt"])
        let forced = try BinaryRunner.run(["run", "--out", work.path + "/out", "--force"] + sampleInputs)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(work.files("out").contains("summary.json"))
        #expect(work.files("out.previous") == ["budget.csv", "notes.txt"])
        #expect(try work.read("out.previous/notes.txt") == Data("mine".utf8))
        // A second forced run into a folder of the user's keeps the first backup too.
        try work.write("out/extra.txt", "also mine")
        #expect(try BinaryRunner.run(["run", "--out", work.path + "/out", "--force"] + sampleInputs).status == 0)
        #expect(work.files("out.previous-2").contains("extra.txt"))
        #expect(work.files("out.previous") == ["budget.csv", "notes.txt"])
        #expect(work.files("").filter { $0.contains("staging") }.isEmpty, "no staging folder is left behind")
    }

    @Test("usage errors keep swift-argument-parser's exit code")
    func usage() throws {
        let outcome = try BinaryRunner.run(["run", "--month", "2026-04", "--from", "2026-04-01"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--month cannot be combined with --from or --to"))
        #expect(try BinaryRunner.run(["run", "--month", "2026-13"]).status == 64)
        #expect(try BinaryRunner.run(["run", "--max-unmatched-rate", "1.5"]).status == 64)
    }

    @Test("config errors name the file and the key")
    func configErrors() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let config = try work.write("c.json", #"{"catalogs": [{"path": "x.csv", "delimiter": "|"}]}"#)
        let outcome = try BinaryRunner.run(["validate", "--config", config])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("\(config): key 'catalogs[0].delimiter'"))
        let unknown = try work.write("u.json", #"{"mnth": "2026-04"}"#)
        #expect(try BinaryRunner.run(["validate", "--config", unknown]).stderr.contains("key 'mnth': unknown key"))
    }

    @Test("validate writes only the summary, catalog issues and rejected lines; --strict gates it")
    func validate() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try BinaryRunner.run(["validate", "--config", "Config/recon.json", "--out", work.path + "/v"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("catalog borealis: 6 entries, 5 usable, 3 issues"))
        #expect(work.files("v") == [".soundlink-recon.json", "catalog_issues.csv", "rejected.jsonl", "summary.json"])
        let strict = try BinaryRunner.run(["validate", "--config", "Config/recon.json", "--out", work.path + "/v", "--strict"])
        #expect(strict.status == 3)
    }

    @Test("--help and --version")
    func helpAndVersion() throws {
        let help = try BinaryRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("SUBCOMMANDS"))
        #expect(help.stdout.contains("validate"))
        let version = try BinaryRunner.run(["--version"])
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}
