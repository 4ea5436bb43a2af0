import FakeSoundlink
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The built binary's `fetch` against the fake API on 127.0.0.1.
@Suite("soundlink-recon fetch, end to end", .serialized)
struct FetchBinaryTests {
    static let key = "sk_live_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")

    /// Runs the binary with the key in its environment, and optionally kills it when `killWhen` holds.
    static func fetch(_ arguments: [String], key: String? = FetchBinaryTests.key, baseURL: String? = nil,
                      killWhen: (() -> Bool)? = nil) throws -> BinaryRunner.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
        process.arguments = ["fetch"] + arguments + ["--retry-base", "0.01", "--idle-timeout", "0.5"]
        process.currentDirectoryURL = URL(fileURLWithPath: BinaryRunner.packageRoot)
        var environment = ProcessInfo.processInfo.environment
        environment["SOUNDLINK_API_KEY"] = key
        environment["SOUNDLINK_BASE_URL"] = baseURL
        process.environment = environment
        let outFile = NSTemporaryDirectory() + "fetch-out-" + UUID().uuidString
        let errFile = outFile + ".err"
        _ = FileManager.default.createFile(atPath: outFile, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outFile)
            try? FileManager.default.removeItem(atPath: errFile)
        }
        process.standardOutput = FileHandle(forWritingAtPath: outFile)
        process.standardError = FileHandle(forWritingAtPath: errFile)
        try process.run()
        if let killWhen {
            while process.isRunning, !killWhen() { usleep(2_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        return BinaryRunner.Outcome(status: process.terminationStatus,
                                    stdout: String(decoding: FileManager.default.contents(atPath: outFile) ?? Data(), as: UTF8.self),
                                    stderr: String(decoding: FileManager.default.contents(atPath: errFile) ?? Data(), as: UTF8.self))
    }

    static func startServer(_ campaigns: [FakeCampaign]) async throws -> FakeSoundlink {
        let server = FakeSoundlink(apiKey: key, campaigns: campaigns)
        try await server.start()
        return server
    }

    /// `manifest.json` without its `fetched_at` times.
    static func manifestWithoutTimes(_ folder: String) -> String {
        let text = String(decoding: FileManager.default.contents(atPath: folder + "/manifest.json") ?? Data(), as: UTF8.self)
        return text.split(separator: "\n").filter { !$0.contains("\"fetched_at\"") }.joined(separator: "\n")
    }

    // MARK: the sample, served and fetched

    /// Every JSON-object line of SampleData/exports with a valid date and a campaign id, in read order
    /// (folders' files in byte order of names), grouped by campaign and stably sorted as the API sorts.
    static func sampleCampaigns() throws -> [FakeCampaign] {
        var rows: [String: (breakdown: [String], engagement: [String])] = [:]
        for source in ["breakdown", "engagement"] {
            let folder = BinaryRunner.packageRoot + "/SampleData/exports/" + source
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                let path = folder + "/" + name
                var data = FileManager.default.contents(atPath: path) ?? Data()
                if name.hasSuffix(".gz") { data = try gunzip(path) }
                for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
                    let text = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
                    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                          let campaign = object["campaign_id"] as? String, !campaign.isEmpty,
                          let date = object["report_date"] as? String, FakeSoundlink.day(date) != nil else { continue }
                    if source == "breakdown" { rows[campaign, default: ([], [])].breakdown.append(text) } else {
                        rows[campaign, default: ([], [])].engagement.append(text)
                    }
                }
            }
        }
        func sortKey(_ line: String, _ fields: [String]) -> [String] {
            fields.map { FakeSoundlink.field($0, line) ?? "" }
        }
        func stableSort(_ lines: [String], by fields: [String]) -> [String] {
            lines.enumerated().sorted { a, b in
                let (ka, kb) = (sortKey(a.element, fields), sortKey(b.element, fields))
                return ka != kb ? ka.lexicographicallyPrecedes(kb) : a.offset < b.offset
            }.map(\.element)
        }
        return rows.keys.sorted().map { id in
            FakeCampaign(id: id, createdAt: "2026-01-15T09:00:00Z",
                         breakdown: stableSort(rows[id]!.breakdown, by: ["report_date", "country_code"]),
                         engagement: stableSort(rows[id]!.engagement,
                                                by: ["report_date", "engagement_context", "country_code", "engaged_spotify_track_id"]))
        }
    }

    static func gunzip(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test("run on a fetched folder gives the same reports as on the original exports, with faults on the way")
    func runOnFetched() async throws {
        let server = try await Self.startServer(try Self.sampleCampaigns())
        defer { Task { await server.stop() } }
        // On a campaign with rows of both kinds: a cut or a slow empty body would be no fault at all.
        let busy = "f1e28d31-c358-4284-9bef-00a2334625fd"
        server.inject(.status(429, code: "rate_limit_exceeded", headers: [("Retry-After", "1")]), on: .breakdownExport, campaign: busy)
        server.inject(.html(502), on: .engagementExport, campaign: busy)
        server.inject(.cutBody, on: .engagementExport, campaign: busy)
        server.inject(.wrongRowCount, on: .breakdownExport, campaign: busy)
        server.inject(.envelope200(code: "internal_error"), on: .overview, campaign: busy)
        server.inject(.slowBody(seconds: 2), on: .breakdownExport, campaign: busy)
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let fetched = work.path + "/exports"
        let started = Date()
        let outcome = try Self.fetch(["--out", fetched, "--month", "2026-04", "--base-url", server.baseURL])
        let seconds = Date().timeIntervalSince(started)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let campaigns = try Self.sampleCampaigns().count
        let expected = "fetched \(campaigns) of \(campaigns) windows (\(try Self.finalWindows()) now final), 0 already final, 0 failed; "
            + "\(outcomeRows(server)) rows; \(2 + 3 * campaigns + 6) requests, 6 retries; files in \(fetched)/\n"
        #expect(outcome.stdout == expected)
        #expect(seconds < 10, "a faulty fetch took \(seconds) s")
        print("faulty sample fetch: \(server.requests.count) requests, 6 retries, \(String(format: "%.2f", seconds)) s")

        // Each export file holds exactly the served rows of its window.
        for campaign in try Self.sampleCampaigns() {
            let april = { (line: String) in FakeSoundlink.field("report_date", line)?.hasPrefix("2026-04") == true }
            let breakdown = campaign.breakdown.filter(april).map { $0 + "\n" }.joined()
            #expect(try work.read("exports/breakdown/breakdown_\(campaign.id)_2026-04-01_2026-04-30.jsonl") == Data(breakdown.utf8))
            let engagement = campaign.engagement.filter(april).map { $0 + "\n" }.joined()
            #expect(try work.read("exports/engagement/engagement_\(campaign.id)_2026-04-01_2026-04-30.jsonl") == Data(engagement.utf8))
        }

        let original = try BinaryRunner.run(["run", "--config", "Config/recon.json", "--out", work.path + "/original", "--quiet"])
        let fromFetch = try BinaryRunner.run(["run", "--config", "Config/recon.json", "--out", work.path + "/fetched-out", "--quiet",
                                              "--breakdown", fetched + "/breakdown", "--engagement", fetched + "/engagement"])
        #expect(original.status == 0 && fromFetch.status == 0, "\(original.stderr) \(fromFetch.stderr)")
        for name in ["territories.csv", "tracks.csv", "partners.csv", "catalog_issues.csv"] {
            #expect(try work.read("original/" + name) == work.read("fetched-out/" + name), "\(name)")
        }
        // unmatched.csv names the file and line each row came from; the rest of each line is the same.
        func withoutPlace(_ name: String) throws -> [String] {
            String(decoding: try work.read(name), as: UTF8.self).split(separator: "\n").map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).dropLast(2).joined(separator: ",")
            }.sorted()
        }
        #expect(try withoutPlace("original/unmatched.csv") == withoutPlace("fetched-out/unmatched.csv"))
    }

    /// Campaigns whose April rows are all final by the rule of SPEC §4 (the fake's clock is 2026-06-01,
    /// so an empty export is final too), counted here independently of the fetch code.
    static func finalWindows() throws -> Int {
        let formatter = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return try sampleCampaigns().filter { campaign in
            (campaign.breakdown + campaign.engagement).allSatisfy { line in
                guard let date = FakeSoundlink.field("report_date", line), date.hasPrefix("2026-04") else { return true }
                guard let exported = FakeSoundlink.field("exported_at", line),
                      let instant = formatter.date(from: exported) ?? fractional.date(from: exported) else { return false }
                return instant.timeIntervalSince1970 >= Double(FakeSoundlink.day(date)! + 8) * 86_400
            }
        }.count
    }

    private func outcomeRows(_ server: FakeSoundlink) -> Int {
        (try? Self.sampleCampaigns().reduce(0) { total, campaign in
            total + (campaign.breakdown + campaign.engagement).filter {
                FakeSoundlink.field("report_date", $0)?.hasPrefix("2026-04") == true
            }.count
        }) ?? -1
    }

    // MARK: SIGKILL and resume

    static func manyCampaigns() -> [FakeCampaign] {
        (1...4).map { number in
            let id = "campaign-\(number)"
            var breakdown: [String] = []
            var engagement: [String] = []
            for month in ["2025-02", "2025-05", "2025-08", "2025-11", "2026-01", "2026-04"] {
                let date = month + "-1\(number)"
                let exported = month == "2026-04" ? "2026-04-20T00:00:00Z" : "2026-05-20T00:00:00Z"
                for country in ["DE", "FR", "US"] {
                    breakdown.append(#"{"provider":"soundlink","account_id":"acc","schema_version":"1.0","report_date":"\#(date)","exported_at":"\#(exported)","campaign_id":"\#(id)","country_code":"\#(country)","streams":\#(number * 7),"spend_total":1.50,"currency":"USD"}"#)
                    engagement.append(#"{"provider":"soundlink","account_id":"acc","schema_version":"1.0","report_date":"\#(date)","exported_at":"\#(exported)","campaign_id":"\#(id)","engagement_context":"catalog","country_code":"\#(country)","engaged_spotify_track_id":"4uLU6hMCjMI75M1A2tKUQC","streams":3}"#)
                }
            }
            return FakeCampaign(id: id, breakdown: breakdown, engagement: engagement)
        }
    }

    @Test("a fetch killed with SIGKILL, then run again, gives exactly the files of a clean fetch")
    func killAndResume() async throws {
        let server = try await Self.startServer(Self.manyCampaigns())
        defer { Task { await server.stop() } }
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let arguments = ["--from", "2025-01-01", "--to", "2026-04-30", "--base-url", server.baseURL, "--parallel", "3",
                         "--requests-per-minute", "1000", "--requests-per-hour", "10000"]

        let clean = try Self.fetch(["--out", work.path + "/clean"] + arguments)
        #expect(clean.status == 0, "\(clean.stderr)")
        let cleanRequests = server.requests.count
        // 4 campaigns × 6 windows, three requests each, after the ping and the campaign list.
        #expect(cleanRequests == 2 + 4 * 6 * 3)

        server.setResponseDelay(0.03)
        let killed = try Self.fetch(["--out", work.path + "/resumed"] + arguments, killWhen: {
            let manifest = FileManager.default.contents(atPath: work.path + "/resumed/manifest.json") ?? Data()
            return String(decoding: manifest, as: UTF8.self).components(separatedBy: "\"path\"").count > 12
        })
        #expect(killed.status == SIGKILL || killed.status == 9, "\(killed.stdout) \(killed.stderr)")
        let leftAfterKill = filesBelow(work.path + "/resumed")
        #expect(leftAfterKill.count < filesBelow(work.path + "/clean").count, "the kill came too late to test a resume")
        for (path, _) in leftAfterKill where !path.contains(".fetch-tmp-") && path != "manifest.json" {
            #expect(leftAfterKill[path] == filesBelow(work.path + "/clean")[path], "\(path) is not complete after the kill")
        }

        server.setResponseDelay(0)
        let before = server.requests.count
        let resumed = try Self.fetch(["--out", work.path + "/resumed", "--verbose"] + arguments)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let resumeRequests = server.requests.count - before
        #expect(resumeRequests < cleanRequests)
        let temporary = leftAfterKill.keys.filter { $0.contains(".fetch-tmp-") }.count
        print("kill and resume: clean fetch \(cleanRequests) requests; after the kill \(leftAfterKill.count) files "
            + "(\(temporary) temporary); rerun \(resumeRequests) requests")
        #expect(resumed.stderr.contains(
            "campaign campaign-4 window 2026-03-27..2026-04-30: 3 breakdown rows, 3 engagement rows, provisional (fetched again next time)\n"))
        // The windows the killed run had finished as final are not asked for again.
        let manifest = try JSONSerialization.jsonObject(with: leftAfterKill["manifest.json"] ?? Data()) as? [String: Any]
        let finalWindows = Set(((manifest?["files"] as? [[String: Any]]) ?? []).compactMap { entry -> String? in
            guard entry["window_final"] as? Bool == true, let campaign = entry["campaign"] as? String,
                  let start = entry["window_start"] as? String, let end = entry["window_end"] as? String else { return nil }
            return "campaign \(campaign) window \(start)..\(end):"
        })
        #expect(finalWindows.count >= 4)
        #expect(resumed.stderr.hasPrefix("4 campaigns: \(24 - finalWindows.count) windows to fetch, \(finalWindows.count) final and skipped\n"))
        for window in finalWindows { #expect(!resumed.stderr.contains(window), "\(window) was fetched again") }

        let cleanFiles = filesBelow(work.path + "/clean")
        let resumedFiles = filesBelow(work.path + "/resumed")
        #expect(resumedFiles.keys.sorted() == cleanFiles.keys.sorted())
        for (path, data) in cleanFiles where path != "manifest.json" {
            #expect(resumedFiles[path] == data, "\(path)")
        }
        #expect(Self.manifestWithoutTimes(work.path + "/resumed") == Self.manifestWithoutTimes(work.path + "/clean"))
    }

    @Test("on a terminal a progress line shows windows done, rows, and requests waiting on the rate limit")
    func progressOnTerminal() async throws {
        let server = try await Self.startServer(Self.manyCampaigns())
        defer { Task { await server.stop() } }
        server.inject(.status(429, code: "rate_limit_exceeded", headers: [("Retry-After", "1")]), on: .breakdownExport,
                      campaign: "campaign-1")
        let work = try TemporaryFolder(prefix: "recon-e2e")
        // script(1) gives the binary a terminal; its output is what a person would see.
        let command = [BinaryRunner.executable, "fetch", "--out", work.path + "/f", "--month", "2026-04", "--base-url", server.baseURL,
                       "--parallel", "3", "--retry-base", "0.01"].map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qefc", command, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["SOUNDLINK_API_KEY"] = Self.key
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let screen = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(screen)")
        #expect(screen.contains("\r\u{1B}[2Kfetching: 0/4 windows, 0 rows"))
        #expect(screen.contains("requests waiting on the rate limit"))
        #expect(screen.contains("fetching: 4/4 windows, 24 rows"))
        #expect(screen.contains("fetched 4 of 4 windows (2 now final)"))
        #expect(!screen.contains(Self.key))
    }

    // MARK: the key

    @Test("the API key reaches no file, no output line and no error message")
    func keyNeverWritten() async throws {
        let server = try await Self.startServer(Self.manyCampaigns())
        defer { Task { await server.stop() } }
        server.inject(.status(429, code: "rate_limit_exceeded", headers: [("Retry-After", "1")]), on: .overview)
        server.inject(.status(500, code: "internal_error"), on: .breakdownExport, campaign: "campaign-2", times: 10)
        server.inject(.cutBody, on: .engagementExport)
        let work = try TemporaryFolder(prefix: "recon-e2e")
        var outputs: [BinaryRunner.Outcome] = []
        outputs.append(try Self.fetch(["--out", work.path + "/f", "--month", "2026-04", "--verbose", "--base-url", server.baseURL,
                                       "--max-attempts", "2"]))
        #expect(outputs[0].status == 1)
        #expect(outputs[0].stderr.contains(
            "soundlink-recon: error: campaign campaign-2 window 2026-04-01..2026-04-30: breakdown failed after its last attempt: HTTP 500, error.code internal_error, requestId req-"))
        // A 401 names the code and the request id, never the key.
        outputs.append(try Self.fetch(["--out", work.path + "/f", "--month", "2026-04", "--base-url", server.baseURL],
                                      key: "sk_wrong_" + Self.key))
        #expect(outputs[1].status == 1)
        #expect(outputs[1].stderr.hasPrefix("soundlink-recon: error: GET /v1/ping: the API refused the key (HTTP 401, error.code invalid_api_key, requestId req-"))
        // The key is not an option.
        outputs.append(try BinaryRunner.run(["fetch", "--month", "2026-04", "--out", work.path + "/f", "--api-key", Self.key]))
        #expect(outputs[2].status == 64)
        #expect(server.requests.allSatisfy { $0.authorization?.hasSuffix(Self.key) == true })
        for outcome in outputs {
            #expect(!outcome.stdout.contains(Self.key) && !outcome.stderr.contains(Self.key.dropFirst(8)))
        }
        for (path, data) in filesBelow(work.path) {
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.key.dropFirst(8)), "\(path) holds the key")
        }
        // Nor is it in any file of the repository (fixtures included): it is made up per run.
        #expect(!Self.key.isEmpty)
    }

    @Test("rows of another campaign in a window are named in a warning, and the window stays provisional")
    func rowsOfAnotherCampaign() async throws {
        let row = #"{"provider":"soundlink","account_id":"acc","report_date":"2026-04-10","exported_at":"2026-05-20T00:00:00Z","campaign_id":"OTHER","country_code":"US","spend_total":1.00,"currency":"USD"}"#
        let server = try await Self.startServer([FakeCampaign(id: "c1", breakdown: [row])])
        defer { Task { await server.stop() } }
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try Self.fetch(["--out", work.path + "/f", "--month", "2026-04", "--base-url", server.baseURL])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("soundlink-recon: warning: campaign c1 window 2026-04-01..2026-04-30: 1 rows of another "
            + "campaign or of days outside the window; kept as received, the window stays provisional (fetched again next time)"),
                "\(outcome.stderr)")
    }

    @Test("without SOUNDLINK_API_KEY fetch stops with one line saying to set it", arguments: [nil, ""] as [String?])
    func missingKey(key: String?) throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try Self.fetch(["--out", work.path + "/f", "--month", "2026-04", "--base-url", "http://127.0.0.1:9"], key: key)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "soundlink-recon: error: SOUNDLINK_API_KEY is not set: set it to the Soundlink API key (it is read from the environment only)\n")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/f"))
    }

    @Test("a base URL that is not http(s) stops the job before anything is written")
    func badBaseURL() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let outcome = try Self.fetch(["--out", work.path + "/f", "--month", "2026-04", "--base-url", "ftp://example.com"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "soundlink-recon: error: base URL 'ftp://example.com' is not an http:// or https:// URL\n")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/f"))
    }

    @Test("fetch needs a period", arguments: [[], ["--from", "2026-04-01"], ["--month", "2026-04", "--to", "2026-04-30"]])
    func needsPeriod(period: [String]) throws {
        let outcome = try BinaryRunner.run(["fetch", "--out", "x"] + period)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--month"))
    }

    @Test("--help documents every option")
    func help() throws {
        let outcome = try BinaryRunner.run(["fetch", "--help"])
        #expect(outcome.status == 0)
        for option in ["--out", "--month", "--from", "--to", "--campaign", "--engagement-context", "--paginated", "--base-url",
                       "--requests-per-minute", "--requests-per-hour", "--max-attempts", "--connect-timeout", "--idle-timeout",
                       "--retry-base", "--parallel", "--config", "--quiet", "--verbose", "SOUNDLINK_API_KEY"] {
            #expect(outcome.stdout.contains(option), "\(option)")
        }
    }
}
