import Foundation
import Testing
import TestSupport

@Suite("Month-end close on the command line")
struct CloseTests {
    private func json(_ work: TemporaryFolder, _ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try work.read(name)) as? [String: Any])
    }

    private func lines(_ work: TemporaryFolder, _ name: String) throws -> [String] {
        String(decoding: try work.read(name), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("run on the sample prints the planted mismatch; --require-tie-out fails the run with exit 3")
    func sampleTieOut() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try BinaryRunner.run(["run", "--config", "Config/recon.json", "--out", work.path + "/out",
                                            "--require-tie-out"])
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("overview tie-out: 3 windows, 27 lines, 9 mismatches, 1 not reported"))
        #expect(outcome.stdout.contains("MISMATCH campaign 7a2c9d14-8e3f-4b51-a6c7-9d0e1f2a3b4c 2026-04-08..2026-04-14 "
            + "spend_total: overview 526.98, exports 468.10, difference 58.88"))
        #expect(outcome.stdout.contains("gate require_tie_out: FAIL (value 9, limit 0)"))
        #expect(work.files("out").contains("reconciliation.csv"))
        let html = String(decoding: try work.read("out/report.html"), as: UTF8.self)
        #expect(html.contains("Windows that do not tie out"))
        #expect(html.contains("<td>2026-04-08..2026-04-14</td>"))
    }

    @Test("validate --overview evaluates the tie-out and its gate into summary.json, without reconciliation.csv")
    func validate() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try BinaryRunner.run(["validate", "--config", "Config/recon.json", "--out", work.path + "/v",
                                            "--require-tie-out"])
        #expect(outcome.status == 3)
        #expect(work.files("v") == [".soundlink-recon.json", "catalog_issues.csv", "rejected.jsonl", "summary.json"])
        let summary = try json(work, "v/summary.json")
        let counts = try #require(summary["reconciliation"] as? [String: Int])
        #expect(counts["windows"] == 3)
        #expect(counts["lines"] == 27)
        #expect(counts["mismatches"] == 9)
        #expect((summary["row_checks"] as? [String: Int])?["fee_sum"] == 1)
    }

    @Test("--require-tie-out without --overview is a usage error")
    func usage() throws {
        let outcome = try BinaryRunner.run(["run", "--catalog", "x.csv", "--require-tie-out"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--require-tie-out needs --overview"))
    }

    @Test("an overview file whose name does not fit stops the job, naming the file")
    func badOverview() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let bad = try work.write("overview_c_2026-04-07.json", "{}")
        let outcome = try BinaryRunner.run(["run", "--config", "Config/recon.json", "--overview", bad,
                                            "--out", work.path + "/out"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("soundlink-recon: error: \(bad): not an overview file"))
        #expect(!work.files("").contains("out"))
    }

    // MARK: diff

    private static let catalog = "isrc,title\nDEXW62500259,Sleep\n"

    /// A breakdown line of campaign camp-1 (target DEXW62500259).
    private static func row(_ day: String, _ country: String, streams: Int = 200, spend: String = "50.00",
                            exported: String = "2026-05-20T03:00:00Z") -> String {
        #"{"provider":"soundlink","account_id":"acct-1","report_date":"\#(day)","exported_at":"\#(exported)","#
            + #""campaign_id":"camp-1","campaign_target_type":"track","campaign_target_isrc":"DEXW62500259","#
            + #""country_code":"\#(country)","streams":\#(streams),"listeners":150,"spend_media":40.00,"fees":10.00,"#
            + #""spend_total":\#(spend),"currency":"USD"}"#
    }

    private static let month = [row("2026-04-01", "DE"), row("2026-04-01", "US"), row("2026-04-02", "DE"),
                                row("2026-04-02", "US")]

    /// Runs the month on the files in `exports` (relative to the work folder) into `out`.
    private func run(_ work: TemporaryFolder, _ exports: String, _ out: String) throws {
        let outcome = try BinaryRunner.run([
            "run", "--catalog", "p=" + work.path + "/p.csv", "--breakdown", work.path + "/" + exports,
            "--month", "2026-04", "--out", work.path + "/" + out, "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    private func diff(_ work: TemporaryFolder) throws -> BinaryRunner.Outcome {
        try BinaryRunner.run(["diff", work.path + "/before", work.path + "/after", "--out", work.path + "/diff"])
    }

    @Test("diff of two runs on the same inputs: exit 0 and no grain listed")
    func identical() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        try work.write("p.csv", Self.catalog)
        try work.write("b/week.jsonl", Self.month.joined(separator: "\n") + "\n")
        try run(work, "b", "before")
        try run(work, "b", "after")
        let outcome = try diff(work)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try lines(work, "diff/partners.csv").count == 1)
        #expect(try lines(work, "diff/territories.csv").count == 1)
        #expect(String(decoding: try work.read("diff/summary.md"), as: UTF8.self).contains("nothing differs"))
        #expect(try diff(work).status == 0, "the diff folder is replaced whole")
    }

    @Test("diff after a re-fetch that restated one day: exit 3, exactly the changed grains")
    func restatedDay() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        try work.write("p.csv", Self.catalog)
        try work.write("b/week.jsonl", Self.month.joined(separator: "\n") + "\n")
        try run(work, "b", "before")
        try work.write("b/week_refetch.jsonl",
                       Self.row("2026-04-02", "US", streams: 260, spend: "57.50", exported: "2026-05-27T03:00:00Z") + "\n")
        try run(work, "b", "after")
        let outcome = try diff(work)
        #expect(outcome.status == 3)
        #expect(try lines(work, "diff/partners.csv") == [
            "bucket,partner,currency,old_rows,new_rows,change_rows,old_streams,new_streams,change_streams,"
                + "old_spend_total,new_spend_total,change_spend_total",
            "matched,p,USD,4,4,0,800,860,60,200.00,207.50,7.50",
        ])
        #expect(try lines(work, "diff/territories.csv") == [
            "target_match,target_partner,target_isrc,target_spotify_track_id,target_playlist_id,country_code,currency,"
                + "old_streams,new_streams,change_streams,old_listeners,new_listeners,change_listeners,"
                + "old_spend_total,new_spend_total,change_spend_total",
            "isrc,p,DEXW62500259,,,US,USD,400,460,60,300,300,0,100.00,107.50,7.50",
        ])
        #expect(String(decoding: try work.read("diff/summary.md"), as: UTF8.self).contains("| USD | matched | 200.00 | 207.50 | 7.50 |"))
        #expect(outcome.stdout.contains("USD matched: spend_total 200.00 -> 207.50 (change 7.50)"))
    }

    @Test("diff lists a grain present on one side only with the other side's cells empty")
    func oneSideOnly() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        try work.write("p.csv", Self.catalog)
        try work.write("b/week.jsonl", Self.month.joined(separator: "\n") + "\n")
        try run(work, "b", "before")
        try work.write("b/late.jsonl", Self.row("2026-04-02", "FR", streams: 30, spend: "5.00") + "\n")
        try run(work, "b", "after")
        #expect(try diff(work).status == 3)
        #expect(try lines(work, "diff/territories.csv").dropFirst() == ["isrc,p,DEXW62500259,,,FR,USD,,30,30,,150,150,,5.00,5.00"])
        #expect(try lines(work, "diff/partners.csv").dropFirst() == ["matched,p,USD,4,5,1,800,830,30,200.00,205.00,5.00"])
        let reversed = try BinaryRunner.run(["diff", work.path + "/after", work.path + "/before", "--out", work.path + "/back"])
        #expect(reversed.status == 3)
        #expect(try lines(work, "back/territories.csv").dropFirst() == ["isrc,p,DEXW62500259,,,FR,USD,30,,-30,150,,-150,5.00,,-5.00"])
    }

    @Test("diff refuses an --out inside either compared set, which would leave that set one no command replaces")
    func outInsideASet() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        for name in ["before", "after"] {
            #expect(try BinaryRunner.run(["run", "--config", "Config/recon.json", "--out", work.path + "/" + name,
                                          "--quiet", "--no-cache"]).status == 0)
        }
        for inside in ["/after/changes", "/before/sub"] {
            let outcome = try BinaryRunner.run(["diff", work.path + "/before", work.path + "/after", "--out", work.path + inside])
            #expect(outcome.status == 1, "\(inside)")
            #expect(outcome.stderr.contains("is inside the output set"), "\(inside): \(outcome.stderr)")
        }
        #expect(!work.files("after").contains("changes"))
        #expect(try BinaryRunner.run(["run", "--config", "Config/recon.json", "--out", work.path + "/after",
                                      "--quiet", "--no-cache"]).status == 0, "the set is still replaceable")
    }

    @Test("diff exits 1 when a set cannot be read")
    func unreadable() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        try work.write("before/partners.csv", "bucket,partner,currency,rows,streams,spend_total\n")
        let outcome = try diff(work)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "soundlink-recon: error: \(work.path)/before: cannot read the output set: it holds no "
            + "territories.csv; give the --out folder of a run\n")
        let missing = try BinaryRunner.run(["diff", work.path + "/nowhere", work.path + "/before", "--out", work.path + "/d"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "soundlink-recon: error: \(work.path)/nowhere: cannot read the output set: no such folder\n")
    }
}
