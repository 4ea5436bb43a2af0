import Foundation
import Testing
import TestSupport

/// Hostile files run through the built binary, each with its exact outcome (issue 13, SPEC §13).
@Suite("Hostile input")
struct HostileInputTests {
    static let goodLine = BadInputTests.goodLine

    /// Runs the binary under `/usr/bin/time` and returns the outcome and the peak resident memory in KiB.
    static func runMeasured(_ arguments: [String]) throws -> (BinaryRunner.Outcome, Int) {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let report = work.path + "/time.txt"
        let outcome = try BinaryRunner.run(["-f", "%M", "-o", report, BinaryRunner.executable] + arguments,
                                           executable: "/usr/bin/time")
        let text = try String(contentsOfFile: report, encoding: .utf8)
        return (outcome, Int(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") ?? -1)
    }

    @Test("a 50 MB line is rejected line_too_long with its first 4,096 bytes, without being held in memory")
    func fiftyMegabyteLine() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        var bytes = Array((Self.goodLine + "\n{\"blob\":\"").utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 50_000_000)
        bytes += Array(("\"}\n" + Self.goodLine.replacingOccurrences(of: #""US""#, with: #""DE""#) + "\n").utf8)
        let path = try work.writeBytes("b.jsonl", bytes)
        let (outcome, peakKiB) = try Self.runMeasured(["run", "--catalog", try work.catalog(), "--breakdown", path,
                                                        "--out", work.path + "/out"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(peakKiB > 0 && peakKiB < 150_000, "peak RSS \(peakKiB) KiB")
        let rejected = try work.jsonLines("out/rejected.jsonl")
        #expect(rejected.count == 1)
        #expect(rejected.first?["line"] as? Int == 2)
        #expect(rejected.first?["reason"] as? String == "line_too_long")
        #expect(rejected.first?["detail"] as? String == "line: 50000011 bytes, more than 16777216")
        #expect(rejected.first?["raw"] as? String == "{\"blob\":\"" + String(repeating: "x", count: 4087))
        #expect(rejected.first?["raw_truncated"] as? Bool == true)
        let inputs = try work.summary("out")["inputs"] as? [String: [String: Any]]
        #expect(inputs?["breakdown"]?["kept"] as? Int == 2)
        #expect(inputs?["breakdown"]?["lines"] as? Int == 3)
    }

    @Test("at most 100,000 rejections of a file are listed, then a `more` line; the summary counts them all")
    func rejectionCap() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let bad = try work.write("bad.jsonl", String(repeating: "x\n", count: 100_005))
        let good = try work.write("good.jsonl", Self.goodLine + "\n[]\n")
        // bad.jsonl has every line rejected: --allow-empty keeps the nothing_kept gate out of this test.
        let outcome = try BinaryRunner.run(["run", "--catalog", try work.catalog(), "--breakdown", bad, "--breakdown", good,
                                            "--out", work.path + "/out", "--verbose", "--allow-empty"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("rejected by reason: not_json 100005, not_object 1\n"))
        let lines = try String(decoding: work.read("out/rejected.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 100_002)
        #expect(lines[99_999] == #"{"file":"\#(bad)","line":100000,"reason":"not_json","detail":"not a valid JSON value","raw":"x"}"#)
        #expect(lines[100_000] == #"{"file":"\#(bad)","reason":"more","count":5}"#)
        #expect(lines[100_001].hasPrefix(#"{"file":"\#(good)","line":2,"reason":"not_object""#))
        let inputs = try work.summary("out")["inputs"] as? [String: [String: Any]]
        #expect(inputs?["breakdown"]?["rejected"] as? Int == 100_006)
        #expect(inputs?["breakdown"]?["conserved"] as? Bool == true)
    }

    /// Special files in every place a file is read: exit 1 at once, naming the file.
    static let specialFiles: [(name: String, setUp: @Sendable (TemporaryFolder) throws -> [String], message: String)] = [
        ("FIFO as export", { work in
            try shell("mkfifo \(work.path)/pipe.jsonl")
            return ["--breakdown", work.path + "/pipe.jsonl"]
        }, "pipe.jsonl: is a FIFO, not a regular file"),
        ("/dev/zero as export", { _ in ["--engagement", "/dev/zero"] }, "/dev/zero: is a character device, not a regular file"),
        ("link to /dev/zero in an export folder", { work in
            try work.write("exports/a.jsonl", BadInputTests.goodLine + "\n")
            try shell("ln -s /dev/zero \(work.path)/exports/z.jsonl")
            return ["--breakdown", work.path + "/exports"]
        }, "exports/z.jsonl: is a character device, not a regular file"),
        ("/dev/zero as catalog", { work in
            ["--catalog", "/dev/zero", "--breakdown", try work.write("b.jsonl", BadInputTests.goodLine)]
        }, "/dev/zero: is a character device, not a regular file"),
        ("FIFO as catalog", { work in
            try shell("mkfifo \(work.path)/c.csv")
            return ["--catalog", work.path + "/c.csv", "--breakdown", try work.write("b.jsonl", BadInputTests.goodLine)]
        }, "c.csv: is a FIFO, not a regular file"),
        ("/dev/zero as config", { _ in ["--config", "/dev/zero"] }, "/dev/zero: is a character device, not a regular file"),
        ("FIFO as config", { work in
            try shell("mkfifo \(work.path)/c.json")
            return ["--config", work.path + "/c.json"]
        }, "c.json: is a FIFO, not a regular file"),
    ]

    @Test("only regular files are read", arguments: specialFiles)
    func specialFile(name: String, setUp: @Sendable (TemporaryFolder) throws -> [String], message: String) throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        var arguments = try setUp(work)
        if !arguments.contains("--catalog"), !arguments.contains("--config") { arguments += ["--catalog", try work.catalog()] }
        let outcome = try BinaryRunner.run(["run", "--out", work.path + "/out"] + arguments)
        #expect(outcome.status == 1, "\(name)")
        #expect(outcome.stderr.hasPrefix("soundlink-recon: error: "), "\(name)")
        #expect(outcome.stderr.hasSuffix(message + "\n"), "\(name): \(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/out"), "\(name)")
    }

    @Test("a month beyond 64-bit micro-units: 2,000 rows of 5,000,000,000 VND; an exponent applied exactly")
    func largeCurrency() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        var lines = (0..<2000).map { index in
            Self.goodLine.replacingOccurrences(of: #""c1""#, with: "\"c\(index)\"")
                .replacingOccurrences(of: "5.25", with: "5000000000").replacingOccurrences(of: "USD", with: "VND")
        }
        let one = "0." + String(repeating: "0", count: 1_499_999) + "1e1500000"   // exactly 1
        lines.append(Self.goodLine.replacingOccurrences(of: "5.25", with: one).replacingOccurrences(of: "USD", with: "EUR")
            .replacingOccurrences(of: #""US""#, with: #""DE""#))
        let path = try work.write("b.jsonl", lines.joined(separator: "\n") + "\n")
        let catalog = try work.write("catalog.csv", "isrc,title\nUSRC17607840,Other\n")
        let outcome = try BinaryRunner.run(["run", "--catalog", catalog, "--breakdown", path, "--out", work.path + "/out",
                                            "--max-unmatched-rate", "1"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let totals = try work.summary("out")["totals"] as? [String: [String: Any]]
        let currencies = totals?["breakdown"]?["currencies"] as? [String: [String: String]]
        #expect(currencies?["VND"]?["spend_total"] == "10000000000000.00")
        #expect(currencies?["EUR"]?["spend_total"] == "1.00")
        let partners = String(decoding: try work.read("out/partners.csv"), as: UTF8.self)
        #expect(partners == """
            bucket,partner,currency,campaigns,rows,streams,followers,spend_media,fees,spend_total,spend_share
            unmatched,,EUR,1,1,10,0,0.00,0.00,1.00,1.000000
            unmatched,,VND,2000,2000,20000,0,0.00,0.00,10000000000000.00,1.000000

            """)
        #expect(try work.summary("out")["tie_out"] as? [String: Bool] == [
            "territories_money_equals_kept_breakdown": true, "partners_money_equals_kept_breakdown": true,
            "tracks_streams_equals_kept_engagement": true,
        ])
    }

    static let configs: [(json: String, message: String)] = [
        (#"{"month": "2026-04", "month": "2026-05"}"#, "key 'month': given twice"),
        (#"{"catalogs": [], "catalogs": []}"#, "key 'catalogs': given twice"),
        (#"{"max_unmatched_rate": true}"#, "key 'max_unmatched_rate': must be a number from 0 to 1, not true or false"),
        (#"{"strict": 1}"#, "key 'strict': must be true or false, not a number"),
    ]

    @Test("config: duplicate keys and wrong kinds stop the job naming the file and the key", arguments: configs)
    func strictConfig(json: String, message: String) throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let config = try work.write("c.json", json)
        let outcome = try BinaryRunner.run(["run", "--config", config, "--out", work.path + "/out"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "soundlink-recon: error: \(config): \(message)\n")
    }

    @Test("formula guard on every column carrying input text; valid ids and numbers untouched; NUL never raw")
    func formulaInjection() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let hostile = Self.goodLine
            .replacingOccurrences(of: #""account_id":"a1""#, with: #""account_id":"=HYPERLINK(\"http://x\")""#)
            .replacingOccurrences(of: #""campaign_id":"c1""#, with: #""campaign_id":"+c1","campaign_name":"a\u0000b""#)
            .replacingOccurrences(of: #""country_code":"US""#, with: #""country_code":"@X""#)
            .replacingOccurrences(of: #""campaign_target_isrc":"USRC17607839""#,
                                  with: #""campaign_target_isrc":"-bad","campaign_target_spotify_track_id":"=spot""#)
        let matched = Self.goodLine.replacingOccurrences(of: "5.25", with: "-1.50")
        let exports = try work.write("b.jsonl", hostile + "\n" + matched + "\n")
        let catalog = try work.writeBytes("c.csv", Array("isrc,title\nUSRC17607839,=cmd|".utf8) + [0] + Array("x\n".utf8))
        let outcome = try BinaryRunner.run(["run", "--breakdown", exports, "--catalog", catalog, "--out", work.path + "/out"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let unmatched = String(decoding: try work.read("out/unmatched.csv"), as: UTF8.self).split(separator: "\n")
        #expect(unmatched.dropFirst().first == """
            breakdown,target,invalid_keys,2026-04-01,"'=HYPERLINK(""http://x"")",'+c1,a\u{FFFD}b,'@X,,'-bad,'=spot,,10,5.25,USD,\(exports),1
            """)
        let territories = String(decoding: try work.read("out/territories.csv"), as: UTF8.self).split(separator: "\n")
        #expect(Array(territories.dropFirst()) == [
            "isrc,c,USRC17607839,,,US,USD,'=cmd|\u{FFFD}x,,1,1,1,0,0,0,10,0,0,0.00,0.00,-1.50,0",
            "unmatched,,'-bad,'=spot,,'@X,USD,,,1,1,1,0,0,0,10,0,0,0.00,0.00,5.25,0",
        ])
        for name in ["territories.csv", "unmatched.csv", "report.html", "partners.csv"] {
            #expect(try !work.read("out/" + name).contains(0), "\(name) holds a NUL byte")
        }
    }
}
