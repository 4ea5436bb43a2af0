import Foundation
import Testing
import TestSupport

/// Hostile inputs, each with its exact outcome: exit code, message, rejection or catalog issue,
/// and that the other rows are still counted.
@Suite("Bad input matrix")
struct BadInputTests {
    static let goodLine = #"{"provider":"soundlink","account_id":"a1","schema_version":"1.0","report_date":"2026-04-01","exported_at":"2026-05-20T03:00:00Z","campaign_id":"c1","campaign_target_type":"track","campaign_target_isrc":"USRC17607839","country_code":"US","streams":10,"spend_total":5.25,"currency":"USD"}"#

    /// `goodLine` with one field replaced by raw JSON text.
    static func line(_ field: String, _ value: String) -> String {
        goodLine.replacingOccurrences(of: #"}"#, with: "") + ",\"\(field)\":\(value)}"
    }

    static func replaced(_ old: String, _ new: String) -> String {
        goodLine.replacingOccurrences(of: old, with: new)
    }

    /// One good line, then the bad one: the bad one is rejected, the good one kept.
    static let rejectedLines: [(name: String, bytes: [UInt8], reason: String, detail: String)] = [
        ("invalid UTF-8", Array(#"{"provider":"sound"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8), "invalid_utf8", "line"),
        ("NUL byte", Array(#"{"provider":"a"#.utf8) + [0] + Array(#""}"#.utf8), "not_json", "control"),
        ("money 1e400", Array(replaced("5.25", "1e400").utf8), "out_of_range", "spend_total"),
        ("money beyond the money type", Array(replaced("5.25", "9223372036855").utf8), "out_of_range", "spend_total"),
        ("leading zeros 00012", Array(replaced("5.25", "00012").utf8), "not_json", ""),
        ("trailing dot 12.", Array(replaced("5.25", "12.").utf8), "not_json", ""),
        ("count as a string", Array(replaced(#""streams":10"#, #""streams":"10""#).utf8), "wrong_type", "streams"),
        ("negative count", Array(replaced(#""streams":10"#, #""streams":-10"#).utf8), "negative_count", "streams"),
        ("fractional count", Array(replaced(#""streams":10"#, #""streams":10.5"#).utf8), "wrong_type", "streams"),
        ("duplicate keys", Array(line("country_code", #""DE""#).utf8), "duplicate_field", "country_code"),
        ("report_date 2026-02-30", Array(replaced("2026-04-01", "2026-02-30").utf8), "bad_report_date", "report_date"),
        ("exported_at not a timestamp", Array(replaced("2026-05-20T03:00:00Z", "last tuesday").utf8), "bad_exported_at", "exported_at"),
        ("schema 2.0", Array(replaced(#""1.0""#, #""2.0""#).utf8), "unsupported_schema_version", "schema_version"),
        ("missing key field", Array(replaced(#""account_id":"a1","#, "").utf8), "missing_field", "account_id"),
        ("null key field", Array(replaced(#""campaign_id":"c1""#, #""campaign_id":null"#).utf8), "missing_field", "campaign_id"),
        ("not an object", Array("[1,2,3]".utf8), "not_object", "line"),
        ("not JSON", Array("hello".utf8), "not_json", ""),
        ("truncated object", Array(goodLine.dropLast(20).utf8), "not_json", ""),
        ("missing currency", Array(replaced(#","currency":"USD""#, "").utf8), "missing_field", "currency"),
    ]

    @Test("a bad JSONL line is rejected with its reason; the good line is still kept", arguments: rejectedLines)
    func rejectedLine(name: String, bytes: [UInt8], reason: String, detail: String) throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let path = try work.writeBytes("b.jsonl", Array(Self.goodLine.utf8) + [0x0A] + bytes + [0x0A])
        let catalog = try work.catalog()
        let outcome = try BinaryRunner.run(["run", "--catalog", catalog, "--breakdown", path, "--out", work.path + "/out"])
        #expect(outcome.status == 0, "\(name): \(outcome.stderr)")
        let rejected = try work.jsonLines("out/rejected.jsonl")
        #expect(rejected.count == 1, "\(name)")
        #expect(rejected.first?["reason"] as? String == reason, "\(name)")
        #expect(rejected.first?["line"] as? Int == 2, "\(name)")
        #expect(rejected.first?["file"] as? String == path, "\(name)")
        let text = rejected.first?["detail"] as? String ?? ""
        #expect(!text.isEmpty && (detail.isEmpty || text.contains(detail)), "\(name): \(text)")
        let inputs = try work.summary("out")["inputs"] as? [String: [String: Any]]
        #expect(inputs?["breakdown"]?["kept"] as? Int == 1, "\(name)")
        #expect(inputs?["breakdown"]?["rejected"] as? Int == 1, "\(name)")
        #expect(inputs?["breakdown"]?["conserved"] as? Bool == true, "\(name)")
        let strict = try BinaryRunner.run(["run", "--catalog", catalog, "--breakdown", path, "--out", work.path + "/out", "--strict"])
        #expect(strict.status == 3, "\(name)")
    }

    @Test("accepted oddities: -0 money, deep nesting in an unknown field, a line just under 16 MiB, blank lines")
    func accepted() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let deep = String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000)
        let huge = "\"" + String(repeating: "x", count: (16 << 20) - 1000) + "\""
        let lines = [
            Self.replaced("5.25", "-0"),
            "",
            Self.line("future", deep).replacingOccurrences(of: #""US""#, with: #""DE""#),
            "  \t ",
            Self.line("blob", huge).replacingOccurrences(of: #""US""#, with: #""FR""#),
        ]
        let path = try work.write("b.jsonl", lines.joined(separator: "\n") + "\n")
        let outcome = try BinaryRunner.run(["run", "--catalog", try work.catalog(), "--breakdown", path, "--out", work.path + "/out"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let inputs = try work.summary("out")["inputs"] as? [String: [String: Any]]
        #expect(inputs?["breakdown"]?["kept"] as? Int == 3)
        #expect(inputs?["breakdown"]?["blank"] as? Int == 2)
        #expect(inputs?["breakdown"]?["lines"] as? Int == 5)
        let totals = try work.summary("out")["totals"] as? [String: [String: Any]]
        let usd = (totals?["breakdown"]?["currencies"] as? [String: [String: String]])?["USD"]
        #expect(usd?["spend_total"] == "10.50")
    }

    @Test("CR-only line ends: a JSONL file is one line (rejected), a catalog still splits into records")
    func carriageReturns() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let jsonl = try work.write("b.jsonl", Self.goodLine + "\r" + Self.replaced(#""country_code":"US""#, #""country_code":"DE""#) + "\r")
        let catalog = try work.write("c.csv", "isrc,title\rUSRC17607839,One\rUSRC17607840,Two\r")
        // Its only line is rejected, so the default gate nothing_kept would fail: allowed here.
        let outcome = try BinaryRunner.run(["run", "--breakdown", jsonl, "--catalog", catalog, "--out", work.path + "/out",
                                            "--allow-empty"])
        #expect(outcome.status == 0)
        let rejected = try work.jsonLines("out/rejected.jsonl")
        #expect(rejected.map { $0["reason"] as? String } == ["not_json"])
        #expect(outcome.stdout.contains("catalog c: 2 entries, 2 usable, 0 issues"))
    }

    @Test("the same file given twice: every row of the second copy supersedes, totals unchanged")
    func sameFileTwice() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let path = try work.write("b.jsonl", Self.goodLine + "\n" + Self.replaced(#""country_code":"US""#, #""country_code":"DE""#) + "\n")
        let outcome = try BinaryRunner.run(["run", "--catalog", try work.catalog(), "--breakdown", path, "--breakdown", path,
                                            "--out", work.path + "/out"])
        #expect(outcome.status == 0)
        let summary = try work.summary("out")
        let inputs = summary["inputs"] as? [String: [String: Any]]
        #expect(inputs?["breakdown"]?["lines"] as? Int == 4)
        #expect(inputs?["breakdown"]?["superseded"] as? Int == 2)
        #expect(inputs?["breakdown"]?["kept"] as? Int == 2)
        let totals = summary["totals"] as? [String: [String: Any]]
        let usd = (totals?["breakdown"]?["currencies"] as? [String: [String: String]])?["USD"]
        #expect(usd?["spend_total"] == "10.50")
    }

    /// Inputs that stop the job: exit 1, one line on stderr naming the file, no output folder.
    static let fatal: [(name: String, setUp: @Sendable (TemporaryFolder) throws -> [String], message: String)] = [
        ("empty catalog", { ["--catalog", try $0.write("empty.csv", "")] }, "empty.csv:1: file is empty: no header line"),
        ("unclosed quote", { ["--catalog", try $0.write("q.csv", "isrc,title\nUSRC17607839,\"never\n\nclosed\n")] },
         "q.csv:2: quoted field never closes"),
        ("no key column", { ["--catalog", try $0.write("k.csv", "title\nX\n")] },
         "k.csv:1: header has neither an ISRC nor a Spotify track id column"),
        ("truncated gzip", { work in
            let plain = try work.write("t.jsonl", String(repeating: BadInputTests.goodLine + "\n", count: 50))
            try shell("gzip -n \(plain) && head -c 60 \(plain).gz > \(work.path)/cut.jsonl.gz")
            return ["--breakdown", work.path + "/cut.jsonl.gz"]
        }, "cut.jsonl.gz: corrupt gzip data: unexpected end of file"),
        ("gz that is not gzip", { ["--breakdown", try $0.write("fake.jsonl.gz", BadInputTests.goodLine)] },
         "fake.jsonl.gz: corrupt gzip data"),
        ("folder with no exports", { work in
            try work.write("exports/readme.txt", "nothing here")
            return ["--breakdown", work.path + "/exports"]
        }, "exports: folder holds no *.jsonl or *.jsonl.gz file"),
        ("missing export", { ["--engagement", $0.path + "/nope.jsonl"] }, "nope.jsonl: no such file or folder"),
        ("same catalog NAME twice", { work in
            let path = try work.write("c.csv", "isrc\nUSRC17607839\n")
            return ["--catalog", "x=\(path)", "--catalog", "x=\(path)"]
        }, "catalog name 'x' is given twice"),
    ]

    @Test("inputs that stop the job", arguments: fatal)
    func fatalInput(name: String, setUp: @Sendable (TemporaryFolder) throws -> [String], message: String) throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        var arguments = try setUp(work)
        if !arguments.contains("--catalog") { arguments += ["--catalog", try work.catalog()] }
        if !arguments.contains("--breakdown"), !arguments.contains("--engagement") {
            arguments += ["--breakdown", try work.write("good.jsonl", Self.goodLine + "\n")]
        }
        let outcome = try BinaryRunner.run(["run", "--out", work.path + "/out"] + arguments)
        #expect(outcome.status == 1, "\(name)")
        #expect(outcome.stderr.hasPrefix("soundlink-recon: error: "), "\(name)")
        #expect(outcome.stderr.contains(message), "\(name): \(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(name)")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/out"), "\(name)")
        #expect(work.files("").allSatisfy { !$0.hasPrefix(".out.staging") }, "\(name): staging left behind")
    }

    @Test("an output folder that cannot be written")
    func unwritableOutput() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let blocker = try work.write("file.txt", "not a folder")
        let outcome = try BinaryRunner.run(["run", "--out", blocker + "/out", "--catalog", try work.catalog(), "--breakdown",
                                            try work.write("b.jsonl", Self.goodLine)])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("file.txt/out: cannot create it: \(blocker) is not a folder"))
        let missing = try BinaryRunner.run(["run", "--out", work.path + "/no/such/out", "--catalog", try work.catalog(),
                                            "--breakdown", try work.write("b.jsonl", Self.goodLine)])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no/such/out: cannot create it: \(work.path)/no/such does not exist (create it first)"))
        #expect(!FileManager.default.fileExists(atPath: work.path + "/no"), "nothing is created on the way")
    }

    @Test("catalog oddities become issues, not failures")
    func catalogIssues() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        var bytes = Array("isrc,spotify_id,title\n".utf8)
        bytes += Array("USRC17607839,,Caf".utf8) + [0xE9] + Array("\n".utf8)        // invalid UTF-8
        bytes += Array("US".utf8) + [0] + Array("RC17607840,,Nul\n".utf8)           // NUL byte in the ISRC
        bytes += Array("USRC17607841\n".utf8)                                        // ragged: padded
        bytes += Array("USRC17607841,,again,extra\n".utf8)                           // duplicate
        let catalog = try work.writeBytes("c.csv", bytes)
        let header = try work.write("h.csv", "isrc,title\n")
        let outcome = try BinaryRunner.run(["validate", "--catalog", catalog, "--catalog", header, "--out", work.path + "/out",
                                            "--breakdown", try work.write("b.jsonl", Self.goodLine + "\n")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("catalog c: 4 entries, 2 usable, 4 issues"))
        #expect(outcome.stdout.contains("catalog h: 0 entries, 0 usable, 0 issues"))
        let issues = try String(contentsOfFile: work.path + "/out/catalog_issues.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(3).joined(separator: ",") }
        #expect(issues == ["c,2,invalid_utf8", "c,3,invalid_isrc", "c,3,no_keys", "c,5,duplicate_isrc"])
    }
}

extension TemporaryFolder {
    @discardableResult
    func writeBytes(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func jsonLines(_ name: String) throws -> [[String: Any]] {
        try String(decoding: read(name), as: UTF8.self).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    func summary(_ folder: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: read(folder + "/summary.json")) as? [String: Any] ?? [:]
    }
}
