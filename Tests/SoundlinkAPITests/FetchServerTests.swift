import FakeSoundlink
import Foundation
import ReconKit
import Synchronization
import Testing
@testable import SoundlinkAPI

/// `fetch` against the fake API on 127.0.0.1: each fault with its exact outcome.
@Suite("fetch against the fake Soundlink API", .serialized)
struct FetchServerTests {
    @Test("a clean fetch: ping, one campaign page, three requests per window, files as served")
    func clean() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        let summary = try await harness.fetch(harness.settings())
        #expect(summary.requests == 8 && summary.retries == 0)
        #expect(summary.windows == 2 && summary.fetched == 2 && summary.finalNow == 2 && summary.failed.isEmpty)
        #expect(summary.rows == 2 * (6 + 4))
        #expect(harness.files().keys.sorted() == aprilFiles.sorted())
        #expect(harness.text("breakdown/breakdown_camp-a_2026-04-01_2026-04-30.jsonl") == FetchHarness.aprilBreakdown("camp-a"))
        let engagement = try #require(harness.text("engagement/engagement_camp-b_2026-04-01_2026-04-30.jsonl"))
        #expect(engagement.split(separator: "\n").count == 4)
        let overview = try #require(harness.text("overview/overview_camp-a_2026-04-01_2026-04-30.json"))
        #expect(overview.hasPrefix(#"{"data":{"streams":60,"#) && overview.hasSuffix(#""meta":{"requestId":"ov-camp-a-2026-04-01-2026-04-30"}}"#))
        let requests = harness.server.requests
        #expect(requests.allSatisfy { $0.authorization == "Bearer " + FetchHarness.key })
        #expect(requests.map(\.path).prefix(2) == ["/v1/ping", "/v1/campaigns"])
        #expect(requests[1].query == ["page": "1", "pageSize": "100"])
        let exports = requests.filter { $0.route == .breakdownExport || $0.route == .engagementExport }
        #expect(exports.count == 4 && exports.allSatisfy { $0.accept == "application/x-ndjson" })
        #expect(exports.allSatisfy { $0.query["startDate"] == "2026-04-01" && $0.query["endDate"] == "2026-04-30" })

        let manifest = try harness.manifest()
        #expect(manifest.files.map(\.path) == aprilFiles.dropLast().sorted())
        let entry = try #require(manifest.entry("breakdown/breakdown_camp-a_2026-04-01_2026-04-30.jsonl"))
        #expect(entry.rows == 6 && entry.windowFinal && entry.mode == "export" && entry.kind == .breakdown)
        #expect(entry.bytes == FetchHarness.aprilBreakdown("camp-a").utf8.count)
        #expect(entry.sha256.count == 64 && Instant(entry.fetchedAt) != nil && entry.fetchedAt.hasSuffix("Z"))
        #expect(manifest.entry("engagement/engagement_camp-a_2026-04-01_2026-04-30.jsonl")?.engagementContext == "all")

        // Final windows are never requested again.
        let again = try await harness.fetch(harness.settings())
        #expect(again.requests == 2 && again.skippedFinal == 2 && again.fetched == 0)
        #expect(harness.server.requests.count == 10)
    }

    /// Faults that a retry cures: one more request, one retry, the same files as a clean fetch.
    @Test("a fault on one request is retried and the files are as served", arguments: [
        ("500", FakeFault.status(500, code: "internal_error"), FakeRoute.breakdownExport),
        ("502 HTML", .html(502), .engagementExport),
        ("504 HTML on the overview", .html(504), .overview),
        ("body cut short", .cutBody, .breakdownExport),
        ("overview cut short", .cutBody, .overview),
        ("row count mismatch", .wrongRowCount, .engagementExport),
        ("200 with a JSON error envelope", .envelope200(code: "internal_error"), .breakdownExport),
        ("slow body past the idle time-out", .slowBody(seconds: 3), .breakdownExport),
        ("ping 503", .html(503), .ping),
        ("campaign list 500", .status(500, code: "internal_error"), .campaigns),
        ("200 HTML page on the overview", .html(200), .overview),
        ("export announced as gzip", .contentEncoding("gzip"), .breakdownExport),
    ] as [(String, FakeFault, FakeRoute)])
    func retried(name: String, fault: FakeFault, route: FakeRoute) async throws {
        let clean = try await FetchHarness.start()
        _ = try await clean.fetch(clean.settings())
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop(); await clean.stop() } }
        harness.server.inject(fault, on: route, campaign: route == .ping || route == .campaigns ? nil : "camp-b")
        let started = Date()
        let summary = try await harness.fetch(harness.settings())
        let elapsed = Date().timeIntervalSince(started)
        #expect(summary.requests == 9, "\(name)")
        #expect(summary.retries == 1, "\(name)")
        #expect(summary.failed.isEmpty && summary.fetched == 2, "\(name)")
        for path in aprilFiles.dropLast() { #expect(harness.files()[path] == clean.files()[path], "\(name): \(path)") }
        #expect(try harness.manifest().files.map(\.sha256) == clean.manifest().files.map(\.sha256))
        #expect(elapsed < 2.5, "\(name) took \(elapsed) s")
        #expect(!harness.files().keys.contains { $0.contains(TemporaryFile.prefix) })
    }

    @Test("a 429 waits Retry-After and holds every request of the run meanwhile")
    func rateLimited() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        harness.server.inject(.status(429, code: "rate_limit_exceeded", headers: [("Retry-After", "1")]),
                              on: .breakdownExport, campaign: "camp-a")
        let started = Date()
        let summary = try await harness.fetch(harness.settings())
        #expect(summary.requests == 9 && summary.retries == 1 && summary.failed.isEmpty)
        #expect(Date().timeIntervalSince(started) >= 1.0)
        let requests = harness.server.requests
        let limited = try #require(requests.first { $0.status == 429 })
        let later = requests.drop { $0.status != 429 }.dropFirst()
        // Requests already on their way when the 429 arrived aside, nothing starts before Retry-After has passed.
        #expect(!later.isEmpty && later.allSatisfy { $0.time >= limited.time + 0.99 || $0.time < limited.time + 0.05 })
        #expect(later.contains { $0.time >= limited.time + 0.99 })
    }

    @Test("a window still failing after its last attempt is reported; the other windows are kept; a rerun resumes")
    func persistentFailure() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        harness.server.inject(.status(500, code: "internal_error"), on: .engagementExport, campaign: "camp-b", times: 3)
        var settings = harness.settings()
        settings.maxAttempts = 3
        let summary = try await harness.fetch(settings)
        // camp-b: the breakdown, then three engagement attempts; its overview is not asked for.
        #expect(summary.requests == 2 + 3 + 1 + 3 && summary.retries == 2)
        let failed = try #require(summary.failed.first)
        #expect(summary.failed.count == 1 && failed.campaign == "camp-b" && failed.failure?.kind == .engagement)
        #expect(failed.failure?.failure == FetchFailure(.status(500), code: "internal_error", requestId: "req-3"))
        #expect("\(failed.failure!.failure)" == "HTTP 500, error.code internal_error, requestId req-3")
        let files = harness.files().keys.sorted()
        #expect(files == aprilFiles.filter { !$0.contains("camp-b") }.sorted())
        #expect(try harness.manifest().files.allSatisfy { $0.campaign == "camp-a" })

        let rerun = try await harness.fetch(harness.settings())
        #expect(rerun.requests == 2 + 3 && rerun.skippedFinal == 1 && rerun.failed.isEmpty)
        #expect(harness.files().keys.sorted() == aprilFiles.sorted())
    }

    @Test("a 206 Partial Content is not a whole body: the window fails and keeps no file")
    func partialContent() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        harness.server.inject(.partialContent, on: .breakdownExport, campaign: "camp-b")
        let summary = try await harness.fetch(harness.settings())
        #expect(summary.fetched == 1 && summary.failed.map(\.campaign) == ["camp-b"])
        #expect(summary.failed.first?.failure?.failure.status == 206)
        #expect(harness.text("breakdown/breakdown_camp-b_2026-04-01_2026-04-30.jsonl") == nil)
        #expect(try harness.manifest().files.allSatisfy { $0.campaign == "camp-a" })
    }

    @Test("a body cut short on every attempt is named so")
    func cutShortReport() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        harness.server.inject(.cutBody, on: .breakdownExport, campaign: "camp-a", times: 2)
        var settings = harness.settings()
        settings.maxAttempts = 2
        let summary = try await harness.fetch(settings)
        #expect(summary.failed.first?.failure?.failure == FetchFailure(.bodyCutShort))
        #expect("\(summary.failed.first!.failure!.failure)" == "body cut short, error.code -, requestId -")
    }

    @Test("a connection refused is a connection error and stops the job at the ping")
    func connectionError() async throws {
        let harness = try await FetchHarness.start()
        await harness.server.stop()
        var settings = harness.settings()
        settings.maxAttempts = 2
        // The client's pool keeps trying to connect until the connect time-out.
        settings.connectTimeout = 0.3
        do {
            _ = try await harness.fetch(settings)
            Issue.record("the fetch did not fail")
        } catch let FetchError.requestFailed(request, failure) {
            #expect(request == "GET /v1/ping")
            guard case .connectionError = failure.reason else { Issue.record("\(failure)"); return }
            #expect("\(failure)".hasPrefix("connection error ("))
        }
        try? FileManager.default.removeItem(atPath: harness.folder)
    }

    @Test("a key the HTTP client refuses to send is not named in the error")
    func keyRefusedByClient() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        var settings = harness.settings(key: "sk_live_secret\r")
        settings.maxAttempts = 1
        do {
            _ = try await harness.fetch(settings)
            Issue.record("the fetch did not fail")
        } catch {
            #expect(!"\(error)".contains("secret"), "\(error)")
        }
        #expect(harness.server.requests.isEmpty)
    }

    @Test("a 401 at the ping stops the job with the code and the request id, after one request")
    func unauthorized() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        await #expect(throws: FetchError.unauthorized(request: "GET /v1/ping",
                                                      FetchFailure(.status(401), code: "invalid_api_key", requestId: "req-1"))) {
            try await harness.fetch(harness.settings(key: "sk_wrong"))
        }
        #expect(harness.server.requests.count == 1)
    }

    @Test("a 403 in the middle stops the job")
    func forbiddenMidway() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        harness.server.inject(.status(403, code: "insufficient_scope"), on: .engagementExport, campaign: "camp-a")
        var settings = harness.settings()
        settings.concurrentWindows = 1
        await #expect(throws: FetchError.unauthorized(request: "GET /v1/campaigns/camp-a/metrics/engagement/export",
                                                      FetchFailure(.status(403), code: "insufficient_scope", requestId: "req-1"))) {
            try await harness.fetch(settings)
        }
        #expect(!harness.files().keys.contains { $0.contains("camp-a") })
    }

    @Test("a 404 for an unknown campaign is not retried; the campaign list is not requested with --campaign")
    func unknownCampaign() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        var settings = harness.settings()
        settings.campaigns = ["camp-a", "nope", "camp-a"]
        let summary = try await harness.fetch(settings)
        #expect(summary.requests == 1 + 3 + 1 && summary.retries == 0)
        let failure = try #require(summary.failed.first)
        #expect(failure.campaign == "nope" && failure.failure?.kind == .breakdown)
        #expect(failure.failure?.failure == FetchFailure(.status(404), code: "campaign_not_found", requestId: "req-1"))
        #expect(!harness.server.requests.contains { $0.route == .campaigns })
    }

    @Test("fetch never asks for more than 90 days; the fake refuses 91 as the API does")
    func ninetyDays() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        let summary = try await harness.fetch(harness.settings(from: "2025-10-01", to: "2026-04-30"))
        #expect(summary.windows == 2 * 3 && summary.failed.isEmpty)
        let ranged = harness.server.requests.filter { $0.query["startDate"] != nil }
        #expect(ranged.count == 18)
        #expect(ranged.allSatisfy { request in
            let days = FakeSoundlink.day(request.query["endDate"]!)! - FakeSoundlink.day(request.query["startDate"]!)! + 1
            return days <= 90 && request.status == 200
        })
        #expect(Set(ranged.map { "\($0.query["startDate"]!)..\($0.query["endDate"]!)" })
            == ["2025-10-01..2025-12-29", "2025-12-30..2026-03-29", "2026-03-30..2026-04-30"])
        // The fake plays the API's 400 for a longer range (what a hand-made request would get).
        var settings = harness.settings()
        settings.campaigns = ["camp-a"]
        let api = try APIClient(settings: settings, clock: SystemFetchClock(), observer: SilentObserver())
        let response = try await api.send("/v1/campaigns/camp-a/metrics/breakdown/export",
                                          query: [("startDate", "2026-01-01"), ("endDate", "2026-04-01")], accept: "application/x-ndjson")
        let failure = await api.failure(for: response)
        await api.shutdown()
        #expect(failure.status == 400 && failure.code == "invalid_query_parameter")
    }

    @Test("provisional windows are fetched again on every run; once final they are not")
    func finality() async throws {
        let harness = try await FetchHarness.start(FetchHarness.campaigns(exportedAt: "2026-05-02T03:00:00Z"))
        defer { Task { await harness.stop() } }
        var summary = try await harness.fetch(harness.settings())
        #expect(summary.fetched == 2 && summary.finalNow == 0)
        #expect(try harness.manifest().files.allSatisfy { !$0.windowFinal })
        summary = try await harness.fetch(harness.settings())
        #expect(summary.requests == 8 && summary.fetched == 2 && summary.skippedFinal == 0)
        // A week later the rows are revised and final: fetched once more, then never again.
        harness.server.setCampaigns(FetchHarness.campaigns(exportedAt: "2026-05-09T00:00:00Z"))
        summary = try await harness.fetch(harness.settings())
        #expect(summary.fetched == 2 && summary.finalNow == 2)
        #expect(harness.text("breakdown/breakdown_camp-a_2026-04-01_2026-04-30.jsonl")
            == FetchHarness.aprilBreakdown("camp-a", exportedAt: "2026-05-09T00:00:00Z"))
        summary = try await harness.fetch(harness.settings())
        #expect(summary.requests == 2 && summary.skippedFinal == 2)
    }

    @Test("an empty export is final only when the server's Date is at or after the window's end + 8 days", arguments: [
        ("Thu, 07 May 2026 23:59:59 GMT", false), ("Fri, 08 May 2026 00:00:00 GMT", true),
    ])
    func emptyWindow(date: String, final: Bool) async throws {
        let harness = try await FetchHarness.start([FakeCampaign(id: "quiet")])
        defer { Task { await harness.stop() } }
        harness.server.setServerDate(date)
        let summary = try await harness.fetch(harness.settings())
        #expect(summary.finalNow == (final ? 1 : 0) && summary.rows == 0)
        #expect(harness.text("breakdown/breakdown_quiet_2026-04-01_2026-04-30.jsonl") == "")
        #expect(harness.text("engagement/engagement_quiet_2026-04-01_2026-04-30.jsonl") == "")
    }

    @Test("rows all final before the window's end + 8 days (a campaign paused since) leave the window open", arguments: [
        ("Mon, 20 Apr 2026 12:00:00 GMT", false), ("Thu, 07 May 2026 23:59:59 GMT", false), ("Fri, 08 May 2026 00:00:00 GMT", true),
    ])
    func pausedCampaign(date: String, final: Bool) async throws {
        // Rows of 1 and 2 April only, exported on 12 April: final by SPEC §4 (report_date + 8 days).
        let paused = FakeCampaign(
            id: "paused",
            breakdown: ["2026-04-01", "2026-04-02"].map { FetchHarness.breakdownRow("paused", $0, "US", exportedAt: "2026-04-12T00:00:00Z") },
            engagement: ["2026-04-01"].map {
                FetchHarness.engagementRow("paused", $0, "catalog", "1111111111111111111111", exportedAt: "2026-04-12T00:00:00Z")
            })
        let harness = try await FetchHarness.start([paused])
        defer { Task { await harness.stop() } }
        harness.server.setServerDate(date)
        var summary = try await harness.fetch(harness.settings())
        #expect(summary.rows == 3)
        #expect(summary.finalNow == (final ? 1 : 0), "\(date)")
        #expect(try harness.manifest().files.allSatisfy { $0.windowFinal == final })
        // Not final: the next run asks again (the campaign may resume before 30 April).
        summary = try await harness.fetch(harness.settings())
        #expect(summary.skippedFinal == (final ? 1 : 0))
    }

    @Test("rows of another campaign in a window keep it provisional, so it is asked for again")
    func rowsOfAnotherCampaign() async throws {
        let mixed = FakeCampaign(
            id: "c1",
            breakdown: [FetchHarness.breakdownRow("c1", "2026-04-01", "US"), FetchHarness.breakdownRow("OTHER", "2026-04-10", "US")],
            engagement: [FetchHarness.engagementRow("c1", "2026-04-01", "catalog", "1111111111111111111111")])
        let harness = try await FetchHarness.start([mixed])
        defer { Task { await harness.stop() } }
        var summary = try await harness.fetch(harness.settings())
        #expect(summary.rows == 3 && summary.finalNow == 0)
        #expect(try harness.manifest().files.allSatisfy { !$0.windowFinal })
        summary = try await harness.fetch(harness.settings())
        #expect(summary.skippedFinal == 0 && summary.fetched == 1)
    }

    @Test("a window fetched with another engagement context or breakdown mode is not final for this run")
    func contextAndMode() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        var settings = harness.settings()
        settings.engagementContext = .playlist
        var summary = try await harness.fetch(settings)
        #expect(summary.finalNow == 2)
        let engagement = try #require(harness.text("engagement/engagement_camp-a_2026-04-01_2026-04-30.jsonl"))
        #expect(engagement.split(separator: "\n").count == 2 && !engagement.contains("\"catalog\""))
        #expect(harness.server.requests.filter { $0.route == .engagementExport }.allSatisfy { $0.query["engagementContext"] == "playlist" })
        #expect(try harness.manifest().entry("engagement/engagement_camp-a_2026-04-01_2026-04-30.jsonl")?.engagementContext == "playlist")
        summary = try await harness.fetch(settings)
        #expect(summary.skippedFinal == 2)
        summary = try await harness.fetch(harness.settings())
        #expect(summary.fetched == 2 && summary.skippedFinal == 0)
        settings = harness.settings()
        settings.paginated = true
        summary = try await harness.fetch(settings)
        #expect(summary.fetched == 2 && summary.skippedFinal == 0)
    }

    @Test("--paginated walks every page and writes each item minified on one line, even after a page is cut short")
    func paginated() async throws {
        let clean = try await FetchHarness.start()
        _ = try await clean.fetch(clean.settings())
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop(); await clean.stop() } }
        harness.server.setBreakdownPageSize(4)
        harness.server.inject(.cutBody, on: .breakdownPage, campaign: "camp-a")
        var settings = harness.settings()
        settings.paginated = true
        let summary = try await harness.fetch(settings)
        // Six April rows in pages of 4: two pages per campaign, one page retried.
        #expect(summary.requests == 2 + 2 * (2 + 2) + 1 && summary.retries == 1 && summary.failed.isEmpty)
        #expect(harness.server.requests.filter { $0.route == .breakdownPage }.allSatisfy { $0.query["pageSize"] == "500" })
        for path in aprilFiles.dropLast() { #expect(harness.files()[path] == clean.files()[path], "\(path)") }
        #expect(try harness.manifest().entry("breakdown/breakdown_camp-b_2026-04-01_2026-04-30.jsonl")?.mode == "paginated")
    }

    @Test("the folder accumulates: another period's files and manifest entries stay")
    func accumulates() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        _ = try await harness.fetch(harness.settings())
        let summary = try await harness.fetch(harness.settings(from: "2026-03-01", to: "2026-03-31"))
        #expect(summary.fetched == 2)
        let paths = try harness.manifest().files.map(\.path)
        #expect(paths.count == 12 && Set(aprilFiles.dropLast()).isSubset(of: paths))
        #expect(harness.files().count == 13)
        #expect(harness.text("breakdown/breakdown_camp-a_2026-03-01_2026-03-31.jsonl")
            == ["DE", "US"].map { FetchHarness.breakdownRow("camp-a", "2026-03-31", $0) + "\n" }.joined())
    }

    @Test("a paginated walk whose items do not number totalCount is walked again")
    func totalCountMismatch() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        harness.server.inject(.wrongTotalCount, on: .breakdownPage, campaign: "camp-a")
        var settings = harness.settings()
        settings.paginated = true
        let summary = try await harness.fetch(settings)
        #expect(summary.requests == 8 + 1 && summary.retries == 1 && summary.failed.isEmpty)
        #expect(harness.text("breakdown/breakdown_camp-a_2026-04-01_2026-04-30.jsonl") == FetchHarness.aprilBreakdown("camp-a"))
        // Both windows are final now: without the manifest they are asked for again.
        try FileManager.default.removeItem(atPath: harness.folder + "/manifest.json")
        harness.server.inject(.wrongTotalCount, on: .breakdownPage, campaign: "camp-b", times: 2)
        settings.maxAttempts = 2
        let failing = try await harness.fetch(settings)
        #expect(failing.failed.first?.failure?.failure == FetchFailure(.badPages("6 items, pagination.totalCount 7")))
    }

    @Test("a campaign page that is not the page asked for is retried, so no campaign is lost")
    func campaignPageNotAskedFor() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        harness.server.setListPageSize(1)
        // Page 1's content on the first three requests: the answers to page 2 are page 1 again.
        harness.server.inject(.firstPageOnly, on: .campaigns, times: 3)
        let summary = try await harness.fetch(harness.settings())
        #expect(summary.campaigns == 2 && summary.fetched == 2 && summary.failed.isEmpty)
        #expect(harness.server.requests.filter { $0.route == .campaigns }.map { $0.query["page"]! } == ["1", "2", "2", "2"])
        #expect(harness.files().keys.contains("breakdown/breakdown_camp-b_2026-04-01_2026-04-30.jsonl"))
    }

    @Test("a paginated breakdown page that is not the page asked for is retried, so no row is written twice")
    func breakdownPageNotAskedFor() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        harness.server.setBreakdownPageSize(2)
        harness.server.inject(.firstPageOnly, on: .breakdownPage, campaign: "camp-a", times: 3)
        var settings = harness.settings()
        settings.paginated = true
        let summary = try await harness.fetch(settings)
        #expect(summary.failed.isEmpty && summary.fetched == 2)
        // Six April rows in pages of 2: pages 1, 2, 3, and page 2 asked twice more.
        #expect(harness.server.requests.filter { $0.route == .breakdownPage && $0.path.contains("camp-a") }
            .map { $0.query["page"]! } == ["1", "2", "2", "2", "3"])
        #expect(harness.text("breakdown/breakdown_camp-a_2026-04-01_2026-04-30.jsonl") == FetchHarness.aprilBreakdown("camp-a"))
        #expect(try harness.manifest().entry("breakdown/breakdown_camp-a_2026-04-01_2026-04-30.jsonl")?.rows == 6)
    }

    @Test("campaigns are listed page by page; one created after the period is skipped")
    func campaignPaging() async throws {
        var campaigns = FetchHarness.campaigns()
        campaigns.append(FakeCampaign(id: "later", createdAt: "2026-05-01T00:00:00Z"))
        let harness = try await FetchHarness.start(campaigns)
        defer { Task { await harness.stop() } }
        harness.server.setListPageSize(1)
        let summary = try await harness.fetch(harness.settings())
        #expect(summary.campaigns == 2 && summary.campaignsSkippedAsLater == 1)
        #expect(harness.server.requests.filter { $0.route == .campaigns }.map { $0.query["page"]! } == ["1", "2", "3"])
        #expect(!harness.files().keys.contains { $0.contains("later") })
    }

    @Test("temporary files a killed run left are removed; files fetch did not write are kept")
    func leftovers() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        try FileManager.default.createDirectory(atPath: harness.folder + "/breakdown", withIntermediateDirectories: true)
        // A user's files whose names only start like a temporary file's are not fetch's to remove.
        let users = ["notes.txt", "breakdown/mine.jsonl", ".fetch-tmp-notes.txt", ".fetch-tmp-1234abcd-mine.txt",
                     "breakdown/.fetch-tmp-1234abcd-engagement_camp-a_2026-04-01_2026-04-30.jsonl"]
        for name in ["breakdown/.fetch-tmp-1234abcd-breakdown_camp-a_2026-04-01_2026-04-30.jsonl",
                     ".fetch-tmp-0f0f0f0f-manifest.json"] + users {
            _ = FileManager.default.createFile(atPath: harness.folder + "/" + name, contents: Data("x\n".utf8))
        }
        let summary = try await harness.fetch(harness.settings())
        #expect(summary.temporaryFilesRemoved == 2)
        #expect(harness.files().keys.sorted() == (aprilFiles + users).sorted())
    }

    @Test("pacing holds the run to the per-minute limit (with a virtual clock)")
    func pacedRun() async throws {
        let harness = try await FetchHarness.start()
        defer { Task { await harness.stop() } }
        var settings = harness.settings()
        settings.requestsPerMinute = 3
        let clock = VirtualClock()
        let waits = WaitLog()
        let summary = try await Fetcher(settings: settings, observer: waits, clock: clock).run()
        #expect(summary.requests == 8 && summary.failed.isEmpty)
        // 8 requests at 3 a minute: the last one starts two minutes in.
        #expect(clock.now() == 120)
        #expect(waits.maximum >= 1)
    }
}

final class WaitLog: FetchObserver {
    private let state = Mutex(0)
    func fetchWaiting(requests: Int) { state.withLock { $0 = max($0, requests) } }
    var maximum: Int { state.withLock { $0 } }
}
