import NIOHTTP1
import AsyncHTTPClient
import Foundation
import NIOCore
import ReconKit

/// `soundlink-recon fetch`: pulls every campaign window's exports and overview into a folder,
/// resumably (SPEC §9, §13).
public struct Fetcher: Sendable {
    public let settings: FetchSettings
    let clock: any FetchClock
    let observer: any FetchObserver

    public init(settings: FetchSettings, observer: any FetchObserver, clock: any FetchClock = SystemFetchClock()) {
        self.settings = settings
        self.observer = observer
        self.clock = clock
    }

    /// Fetches what is not final yet. Throws for what stops the job (401/403, ping or campaign
    /// list failing, the folder not writable); a failed window is in the summary instead.
    public func run() async throws -> FetchSummary {
        for campaign in settings.campaigns { try Self.checkCampaignID(campaign) }
        // Checks the base URL before anything is written.
        let api = try APIClient(settings: settings, clock: clock, observer: observer)
        do {
            var summary = FetchSummary()
            summary.temporaryFilesRemoved = try prepareFolder()
            let manifest = ManifestStore(folder: settings.outputFolder, manifest: try Manifest.load(folder: settings.outputFolder))
            summary = try await fetch(api: api, manifest: manifest, summary: summary)
            summary.requests = api.requests
            summary.retries = api.retries
            await api.shutdown()
            return summary
        } catch {
            await api.shutdown()
            throw error
        }
    }

    /// Creates the folder and its three sub-folders, and removes what a killed run left; returns how many files.
    private func prepareFolder() throws -> Int {
        var removed = 0
        for kind in [nil] + FetchKind.allCases.map(Optional.some) {
            let path = settings.outputFolder + (kind.map { "/" + $0.rawValue } ?? "")
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw FetchError.file(path: path, reason: "cannot create the folder")
            }
            // A temporary file of a name fetch writes there: the manifest, or a file of the folder's kind.
            removed += TemporaryFile.removeLeftovers(in: path) { name in
                kind.map { $0.isFileName(name) } ?? (name == Manifest.fileName)
            }
        }
        return removed
    }

    private func fetch(api: APIClient, manifest: ManifestStore, summary: FetchSummary) async throws -> FetchSummary {
        var summary = summary
        try await ping(api)
        // A campaign given twice is fetched once.
        var seen = Set<String>()
        var campaigns = settings.campaigns.filter { seen.insert($0).inserted }
        if campaigns.isEmpty {
            let listed = try await listCampaigns(api)
            campaigns = listed.kept
            summary.campaignsSkippedAsLater = listed.later
        }
        let windows = FetchWindow.cut(from: settings.from, to: settings.to)
        var jobs: [(String, FetchWindow)] = []
        for campaign in campaigns {
            for window in windows {
                if await manifest.isFinal(campaign: campaign, window: window, paginated: settings.paginated,
                                          context: settings.engagementContext) {
                    summary.skippedFinal += 1
                } else {
                    jobs.append((campaign, window))
                }
            }
        }
        summary.campaigns = campaigns.count
        summary.windows = campaigns.count * windows.count
        observer.fetchPlanned(campaigns: campaigns.count, windows: jobs.count, skippedFinal: summary.skippedFinal)
        let outcomes = try await withThrowingTaskGroup(of: WindowOutcome.self) { group in
            var outcomes: [WindowOutcome] = []
            var pending = jobs.makeIterator()
            for _ in 0..<max(1, settings.concurrentWindows) {
                guard let (campaign, window) = pending.next() else { break }
                group.addTask { try await self.fetchWindow(api: api, manifest: manifest, campaign: campaign, window: window) }
            }
            while let outcome = try await group.next() {
                outcomes.append(outcome)
                observer.fetchWindowFinished(outcome)
                if let (campaign, window) = pending.next() {
                    group.addTask { try await self.fetchWindow(api: api, manifest: manifest, campaign: campaign, window: window) }
                }
            }
            return outcomes
        }
        for outcome in outcomes {
            if let rows = outcome.rows {
                summary.fetched += 1
                summary.rows += rows.breakdown + rows.engagement
                if outcome.isFinal { summary.finalNow += 1 }
            } else {
                summary.failed.append(outcome)
            }
        }
        summary.failed.sort { ($0.campaign, $0.window) < ($1.campaign, $1.window) }
        return summary
    }

    // MARK: ping and campaigns

    private func ping(_ api: APIClient) async throws {
        do {
            try await api.withRetries("GET /v1/ping") {
                let response = try await api.send("/v1/ping", query: [], accept: "application/json")
                guard response.isSuccess else { throw await api.failure(for: response) }
                do {
                    _ = try await response.body.collect(upTo: 1 << 20)
                } catch {
                    throw FetchFailure(.bodyCutShort)
                }
            }
        } catch let failure as FetchFailure {
            throw FetchError.requestFailed(request: "GET /v1/ping", failure)
        }
    }

    private func listCampaigns(_ api: APIClient) async throws -> (kept: [String], later: Int) {
        var kept: [String] = []
        var later = 0
        var page = 1
        while true {
            let label = "GET /v1/campaigns page \(page)"
            let (items, current, totalPages) = try await {
                do {
                    return try await api.withRetries(label) { try await campaignPage(api, page: page) }
                } catch let failure as FetchFailure {
                    throw FetchError.requestFailed(request: label, failure)
                }
            }()
            for item in items {
                guard let id = item["campaignId"] as? String else { continue }
                try Self.checkCampaignID(id)
                if let created = (item["createdAt"] as? String).flatMap({ CalendarDay(String($0.prefix(10))) }),
                   created > settings.to {
                    later += 1
                    continue
                }
                if !kept.contains(id) { kept.append(id) }
            }
            if current >= totalPages { break }
            page += 1
        }
        return (kept, later)
    }

    private func campaignPage(_ api: APIClient, page: Int) async throws -> ([[String: Any]], Int, Int) {
        let response = try await api.send("/v1/campaigns", query: [("page", "\(page)"), ("pageSize", "100")],
                                          accept: "application/json")
        guard response.isSuccess else { throw await api.failure(for: response) }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: 64 << 20)
        } catch {
            throw FetchFailure(.bodyCutShort)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              let data = object["data"] as? [String: Any], let items = data["items"] as? [[String: Any]],
              let pagination = data["pagination"] as? [String: Any],
              let current = (pagination["page"] as? NSNumber)?.intValue,
              let totalPages = (pagination["totalPages"] as? NSNumber)?.intValue
        else { throw FetchFailure(.badPages("campaign list page \(page) is not the documented JSON")) }
        // Another page than the one asked for would repeat or skip campaigns, or never reach the last page.
        guard current == page else { throw FetchFailure(.badPages("asked for campaign list page \(page), got page \(current)")) }
        return (items, current, totalPages)
    }

    /// Campaign ids become file names: nothing that could leave the folder or hide a file.
    static func checkCampaignID(_ id: String) throws {
        let allowed = id.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        guard allowed, !id.isEmpty, !id.hasPrefix("."), id.count <= 200 else { throw FetchError.badCampaignID(id) }
    }

    // MARK: one window

    private func fetchWindow(api: APIClient, manifest: ManifestStore, campaign: String, window: FetchWindow)
        async throws -> WindowOutcome
    {
        let folder = settings.outputFolder
        let base = "/v1/campaigns/\(campaign)/metrics"
        let dates = [("startDate", window.start.description), ("endDate", window.end.description)]
        var files: [(FetchKind, TemporaryFile, Download)] = []
        // Every row must be of this campaign and window.
        let counter = ExportLineCounter(campaign: campaign, days: window.start...window.end)
        for kind in FetchKind.allCases {
            let file = try TemporaryFile(finalPath: folder + "/" + kind.relativePath(campaign: campaign, window: window))
            do {
                let download: Download
                switch kind {
                case .breakdown where settings.paginated:
                    download = try await paginatedBreakdown(
                        api, path: base + "/breakdown", dates: dates, counter: counter, into: file)
                case .breakdown, .engagement:
                    var query = dates
                    if kind == .engagement, let context = settings.engagementContext {
                        query.append(("engagementContext", context.rawValue))
                    }
                    let path = base + "/\(kind.rawValue)/export"
                    download = try await api.withRetries("GET \(path)") {
                        try await export(api, path: path, query: query, counter: counter, into: file)
                    }
                case .overview:
                    let path = base + "/overview"
                    download = try await api.withRetries("GET \(path)") {
                        try await overview(api, path: path, query: dates, into: file)
                    }
                }
                files.append((kind, file, download))
            } catch let failure as FetchFailure {
                return WindowOutcome(campaign: campaign, window: window, rows: nil, isFinal: false, failure: (kind, failure))
            }
        }
        // SPEC §13: every row final, or for an empty export the server's Date at or after the window's
        // end + 8 days. Rows all final before that date (a campaign paused since) do not make the
        // window final either: rows of its later days could still come, and a final window is never
        // asked for again. Without a Date header, an export with rows follows the rows alone.
        let closes = Double(Instant(startOf: window.end.adding(days: 8)).seconds)
        let isFinal = files.allSatisfy { kind, _, download in
            let closed = download.serverDate.map { $0 >= closes }
            return kind == .overview || (download.rows! > 0 ? download.allFinal && (closed ?? true) : (closed ?? false))
        }
        var entries: [Manifest.Entry] = []
        for (kind, file, download) in files {
            try file.commit()
            entries.append(Manifest.Entry(
                path: kind.relativePath(campaign: campaign, window: window), campaign: campaign, kind: kind,
                windowStart: window.start.description, windowEnd: window.end.description,
                fetchedAt: download.fetchedAt, rows: download.rows, bytes: file.bytes, sha256: file.sha256,
                windowFinal: isFinal,
                mode: kind == .breakdown ? (settings.paginated ? "paginated" : "export") : nil,
                engagementContext: kind == .engagement ? (settings.engagementContext?.rawValue ?? "all") : nil))
        }
        try await manifest.record(entries)
        let rows = (files[0].2.rows ?? 0, files[1].2.rows ?? 0)
        return WindowOutcome(campaign: campaign, window: window, rows: rows, isFinal: isFinal, failure: nil,
                             outOfWindowRows: files.reduce(0) { $0 + $1.2.outOfWindow })
    }

    /// What one file's response gave.
    struct Download {
        var rows: Int?
        var allFinal: Bool
        /// Rows of another campaign or of days outside the window.
        var outOfWindow: Int
        var serverDate: Double?
        var fetchedAt: String
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601)
    }

    private func export(
        _ api: APIClient, path: String, query: [(String, String)], counter fresh: ExportLineCounter, into file: TemporaryFile
    ) async throws -> Download {
        let response = try await api.send(path, query: query, accept: "application/x-ndjson")
        guard response.isSuccess else { throw await api.failure(for: response) }
        let contentType = response.headers.first(name: "Content-Type")?.lowercased() ?? ""
        if contentType.hasPrefix("application/json") {
            throw await api.failure(for: response, reason: .errorEnvelope(status: Int(response.status.code)))
        }
        // Bodies are written as received: a compressed one would be saved as lines it does not hold.
        if let coding = response.headers.first(name: "Content-Encoding"), coding.lowercased() != "identity" {
            throw FetchFailure(.unusableBody("Content-Encoding \(coding)"))
        }
        try file.rewindToStart()
        var counter = fresh
        try await stream(response, into: file) { counter.feed($0) }
        counter.finish()
        if let announced = response.headers.first(name: "X-Row-Count").flatMap({ Int($0) }), announced != counter.rows {
            throw FetchFailure(.rowCountMismatch(received: counter.rows, announced: announced))
        }
        return Download(counted: counter, serverDate: response.serverDate)
    }

    private func overview(_ api: APIClient, path: String, query: [(String, String)], into file: TemporaryFile)
        async throws -> Download
    {
        let response = try await api.send(path, query: query, accept: "application/json")
        guard response.isSuccess else { throw await api.failure(for: response) }
        try file.rewindToStart()
        // An overview is small: keep its first MiB to tell an error envelope from the overview.
        var head: [UInt8] = []
        try await stream(response, into: file) { bytes in
            if head.count < 1 << 20 { head.append(contentsOf: bytes.prefix((1 << 20) - head.count)) }
        }
        // A gateway's HTML page or any other text is not an overview.
        guard let object = try? JSONSerialization.jsonObject(with: Data(head)) as? [String: Any] else {
            throw FetchFailure(.unusableBody("the overview is not a JSON object"))
        }
        if object["data"] == nil, let error = object["error"] as? [String: Any] {
            throw FetchFailure(.errorEnvelope(status: Int(response.status.code)), code: error["code"] as? String,
                               requestId: (object["meta"] as? [String: Any])?["requestId"] as? String)
        }
        return Download(rows: nil, allFinal: true, outOfWindow: 0, serverDate: response.serverDate, fetchedAt: Self.timestamp())
    }

    /// Writes the body as it arrives; a body that ends early or goes silent is "cut short".
    private func stream(_ response: HTTPClientResponse, into file: TemporaryFile,
                        inspect: (UnsafeRawBufferPointer) -> Void) async throws {
        do {
            for try await buffer in response.body {
                try buffer.withUnsafeReadableBytes { bytes in
                    try file.write(bytes)
                    inspect(bytes)
                }
            }
        } catch let error as FetchError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw FetchFailure(.bodyCutShort)
        }
    }

    /// Walks every page; a walk whose items do not number `pagination.totalCount` (the rows changed while
    /// it went on) is walked again, like an export whose lines do not match `X-Row-Count`.
    private func paginatedBreakdown(
        _ api: APIClient, path: String, dates: [(String, String)], counter: ExportLineCounter, into file: TemporaryFile
    ) async throws -> Download {
        var walk = 1
        while true {
            do {
                return try await walkPages(api, path: path, dates: dates, counter: counter, into: file)
            } catch let failure as FetchFailure {
                guard case .badPages = failure.reason, walk < settings.maxAttempts else { throw failure }
                try await api.waitBeforeRetry("GET \(path) (all pages)", attempt: walk, failure: failure)
                walk += 1
            }
        }
    }

    private func walkPages(
        _ api: APIClient, path: String, dates: [(String, String)], counter fresh: ExportLineCounter, into file: TemporaryFile
    ) async throws -> Download {
        try file.rewindToStart()
        var counter = fresh
        var page = 1
        var items = 0
        var serverDate: Double?
        while true {
            let mark = file.mark
            let before = counter
            let result = try await api.withRetries("GET \(path) page \(page)") {
                try file.rewind(to: mark)
                counter = before
                return try await breakdownPage(api, path: path, page: page, query: dates + [("page", "\(page)"), ("pageSize", "500")],
                                               into: file, counter: &counter)
            }
            items += result.items
            serverDate = result.serverDate
            if result.page >= result.totalPages {
                counter.finish()
                guard items == result.totalCount else {
                    throw FetchFailure(.badPages("\(items) items, pagination.totalCount \(result.totalCount)"),
                                       requestId: result.requestId)
                }
                return Download(counted: counter, serverDate: serverDate)
            }
            page += 1
        }
    }

    private struct PageResult {
        var items: Int
        var page: Int
        var totalPages: Int
        var totalCount: Int
        var serverDate: Double?
        var requestId: String?
    }

    private func breakdownPage(_ api: APIClient, path: String, page asked: Int, query: [(String, String)], into file: TemporaryFile,
                               counter: inout ExportLineCounter) async throws -> PageResult {
        let response = try await api.send(path, query: query, accept: "application/json")
        guard response.isSuccess else { throw await api.failure(for: response) }
        var extractor = PageItemExtractor()
        var lines: [UInt8] = []
        do {
            for try await buffer in response.body {
                buffer.withUnsafeReadableBytes { bytes in
                    extractor.feed(bytes) { item in
                        lines.append(contentsOf: item)
                        lines.append(0x0A)
                    }
                }
                if !lines.isEmpty {
                    try file.write(lines)
                    lines.withUnsafeBytes { counter.feed($0) }
                    lines.removeAll(keepingCapacity: true)
                }
            }
        } catch let error as FetchError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw FetchFailure(.bodyCutShort)
        }
        guard extractor.isComplete,
              let pagination = try? JSONSerialization.jsonObject(with: Data(extractor.pagination)) as? [String: Any],
              let page = (pagination["page"] as? NSNumber)?.intValue,
              let totalPages = (pagination["totalPages"] as? NSNumber)?.intValue,
              let totalCount = (pagination["totalCount"] as? NSNumber)?.intValue
        else { throw FetchFailure(.badPages("a page is not the documented JSON")) }
        // Another page than the one asked for would write its items twice, or never reach the last page.
        guard page == asked else { throw FetchFailure(.badPages("asked for page \(asked), got page \(page)")) }
        return PageResult(items: extractor.itemCount, page: page, totalPages: totalPages, totalCount: totalCount,
                          serverDate: response.serverDate, requestId: nil)
    }
}

extension Fetcher.Download {
    /// What an export or a walk of pages gave, as counted line by line, fetched now.
    init(counted counter: ExportLineCounter, serverDate: Double?) {
        self.init(rows: counter.rows, allFinal: counter.allFinal, outOfWindow: counter.outOfWindow,
                  serverDate: serverDate, fetchedAt: Fetcher.timestamp())
    }
}
