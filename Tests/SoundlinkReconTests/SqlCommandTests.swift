import Foundation
import Testing
import TestSupport

@Suite("sql command")
struct SqlCommandTests {
    @Test("the sample: rows, recon.sql, run's rejected.jsonl and catalog_issues.csv; config gates ignored")
    func sample() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let sql = try BinaryRunner.run(["sql", "--dialect", "duckdb", "--config", "Config/recon.json",
                                        "--out", work.path + "/sql", "--quiet"])
        #expect(sql.status == 0, "\(sql.stderr)")
        #expect(sql.stderr.isEmpty)
        #expect(Set(work.files("sql")) == [
            ".soundlink-recon.json", "recon.sql", "rejected.jsonl", "catalog_issues.csv", "catalog_keys.ndjson", "export_files.ndjson",
            "breakdown_rows.ndjson", "engagement_rows.ndjson",
        ])
        for name in ["rejected.jsonl", "catalog_issues.csv"] {
            #expect(try work.read("sql/" + name) == (try Data(contentsOf: URL(
                fileURLWithPath: BinaryRunner.packageRoot + "/SampleData/expected/" + name))), "\(name)")
        }
        let script = String(decoding: try work.read("sql/recon.sql"), as: UTF8.self)
        #expect(script.hasPrefix("-- "))
        #expect(script.contains("CREATE OR REPLACE VIEW territories AS"))
        // The same folder again: an sql set is replaced; a run set is not. Without --quiet, the
        // config's keys that sql does not act on are named.
        let again = try BinaryRunner.run(["sql", "--dialect", "spark", "--config", "Config/recon.json",
                                          "--out", work.path + "/sql"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("sql ignores max_unmatched_rate, overview, allocate_playlist_spend of the --config "
            + "file: it evaluates no gates and writes no close or finance reports (run does)"), "\(again.stderr)")
        #expect(try BinaryRunner.run(["run", "--config", "Config/recon.json", "--out", work.path + "/run",
                                      "--quiet"]).status == 0)
        let refused = try BinaryRunner.run(["sql", "--dialect", "duckdb", "--config", "Config/recon.json",
                                            "--out", work.path + "/run"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("holds a 'run' output set"))
    }

    @Test("gates, --overview and --allocate-playlist-spend are refused (SPEC §13)", arguments: [
        (["--require-final"], "sql evaluates no gates"),
        (["--strict"], "sql evaluates no gates"),
        (["--max-unmatched-rate", "0.1"], "sql evaluates no gates"),
        (["--allow-empty"], "sql evaluates no gates"),
        (["--require-tie-out", "--overview", "SampleData/exports/overview"], "--require-tie-out and --allocate-playlist-spend belong to run"),
        (["--overview", "SampleData/exports/overview"], "--overview, --require-tie-out"),
        (["--allocate-playlist-spend"], "--allocate-playlist-spend belong to run"),
    ])
    func usage(_ extra: [String], _ message: String) throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try BinaryRunner.run(["sql", "--dialect", "duckdb", "--config", "Config/recon.json",
                                            "--out", work.path + "/sql"] + extra)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message))
        #expect(work.files("").isEmpty)
    }

    @Test("--out and --dialect are required; an unknown dialect is a usage error")
    func required() throws {
        let noOut = try BinaryRunner.run(["sql", "--dialect", "duckdb", "--config", "Config/recon.json"])
        #expect(noOut.status == 64 && noOut.stderr.contains("sql needs --out DIR"))
        let noDialect = try BinaryRunner.run(["sql", "--config", "Config/recon.json", "--out", "/tmp/x"])
        #expect(noDialect.status == 64 && noDialect.stderr.contains("--dialect"))
        let unknown = try BinaryRunner.run(["sql", "--dialect", "postgres", "--out", "/tmp/x"])
        #expect(unknown.status == 64)
    }
}
