import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A campaign the fake API knows, with its export rows as JSON lines.
public struct FakeCampaign: Sendable {
    public var id: String
    public var createdAt: String
    public var breakdown: [String]
    public var engagement: [String]

    public init(id: String, createdAt: String = "2025-01-01T00:00:00Z", breakdown: [String] = [], engagement: [String] = []) {
        self.id = id
        self.createdAt = createdAt
        self.breakdown = breakdown
        self.engagement = engagement
    }
}

/// The routes of the documented API that the fake plays.
public enum FakeRoute: String, Sendable {
    case ping, campaigns, breakdownExport, engagementExport, overview, breakdownPage
}

/// A way the fake misbehaves.
public enum FakeFault: Sendable {
    /// This status with an error envelope (`code`) and the extra headers.
    case status(Int, code: String, headers: [(String, String)] = [])
    /// A gateway's HTML page with this status.
    case html(Int)
    /// The right headers (with the full Content-Length), half the body, then the connection closes.
    case cutBody
    /// `X-Row-Count` one more than the lines sent.
    case wrongRowCount
    /// A 200 whose body is an error envelope with `Content-Type: application/json`.
    case envelope200(code: String)
    /// Half the body, then silence for this many seconds, then the rest.
    case slowBody(seconds: Double)
    /// A paginated page whose `pagination.totalCount` is one more than the rows (they changed meanwhile).
    case wrongTotalCount
    /// Page 1 whatever page was asked for, as a server that ignores the `page` parameter sends it.
    case firstPageOnly
    /// 206 Partial Content with the first half of the body and no `X-Row-Count`.
    case partialContent
    /// The body as usual but announced with this `Content-Encoding` and without `X-Row-Count`.
    case contentEncoding(String)
}

/// One request as the fake saw it.
public struct FakeRequest: Sendable {
    public let route: FakeRoute?
    public let path: String
    public let query: [String: String]
    public let authorization: String?
    public let accept: String?
    public let status: Int
    /// Seconds since the server started.
    public let time: Double
}

/// The Soundlink Metrics API on 127.0.0.1, as DOMAIN.md documents it, with faults on demand.
public final class FakeSoundlink: Sendable {
    private struct Rule {
        var route: FakeRoute
        var campaign: String?
        var remaining: Int
        var fault: FakeFault
    }

    private struct State {
        var campaigns: [FakeCampaign]
        var rules: [Rule] = []
        var requests: [FakeRequest] = []
        var serverDate = "Mon, 01 Jun 2026 00:00:00 GMT"
        var listPageSize = 100
        var breakdownPageSize = 500
        var responseDelay = 0.0
        var errorCounter = 0
    }

    public let apiKey: String
    private let state: Mutex<State>
    private let started = ProcessInfo.processInfo.systemUptime
    private let channel: Mutex<(any Channel)?> = Mutex(nil)
    private let boundPort = Mutex(0)

    /// The port the system picked.
    public var port: Int { boundPort.withLock { $0 } }

    public init(apiKey: String, campaigns: [FakeCampaign]) {
        self.apiKey = apiKey
        state = Mutex(State(campaigns: campaigns))
    }

    /// Binds to 127.0.0.1 on a port the system picks.
    public func start() async throws {
        let server = self
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FakeHandler(server: server))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        boundPort.withLock { $0 = channel.localAddress?.port ?? 0 }
        self.channel.withLock { $0 = channel }
    }

    public func stop() async {
        let channel = self.channel.withLock { $0 }
        try? await channel?.close()
    }

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Misbehave on the next `times` requests of `route` (of `campaign` when given).
    public func inject(_ fault: FakeFault, on route: FakeRoute, campaign: String? = nil, times: Int = 1) {
        state.withLock { $0.rules.append(Rule(route: route, campaign: campaign, remaining: times, fault: fault)) }
    }

    /// The server's clock as sent in every `Date` header.
    public func setServerDate(_ date: String) { state.withLock { $0.serverDate = date } }
    /// Campaign list pages hold at most this many (the API's own limit is 100).
    public func setListPageSize(_ size: Int) { state.withLock { $0.listPageSize = size } }
    /// Paginated breakdown pages hold at most this many.
    public func setBreakdownPageSize(_ size: Int) { state.withLock { $0.breakdownPageSize = size } }
    /// Every response waits this long before its first byte (to catch a fetch in the middle).
    public func setResponseDelay(_ seconds: Double) { state.withLock { $0.responseDelay = seconds } }
    public func setCampaigns(_ campaigns: [FakeCampaign]) { state.withLock { $0.campaigns = campaigns } }

    public var requests: [FakeRequest] { state.withLock { $0.requests } }
    public var responseDelay: Double { state.withLock { $0.responseDelay } }

    // MARK: the API

    /// What to answer, and how to misbehave.
    struct Answer {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]
        var cutAfterHalf = false
        var pauseAfterHalf: Double?
    }

    func answer(_ head: HTTPRequestHead) -> Answer {
        let (path, query) = Self.split(head.uri)
        let authorization = head.headers.first(name: "Authorization")
        let route = Self.route(path)
        var answer = respond(route: route, path: path, query: query, authorization: authorization)
        let date = state.withLock { $0.serverDate }
        answer.headers.append(("Date", date))
        let time = ProcessInfo.processInfo.systemUptime - started
        state.withLock {
            $0.requests.append(FakeRequest(route: route?.0, path: path, query: query, authorization: authorization,
                                           accept: head.headers.first(name: "Accept"), status: answer.status, time: time))
        }
        return answer
    }

    private func respond(route: (FakeRoute, String?)?, path: String, query: [String: String], authorization: String?) -> Answer {
        guard authorization == "Bearer " + apiKey else {
            return envelope(401, code: "invalid_api_key", message: "The API key is not valid.")
        }
        guard let (route, campaignID) = route else { return envelope(404, code: "not_found", message: "No such route.") }
        if let fault = takeFault(route, campaignID) {
            if case .firstPageOnly = fault {
                var first = query
                first["page"] = "1"
                return respondNormally(route, campaignID, first)
            }
            if let answer = faulty(fault, normal: { respondNormally(route, campaignID, query) }) { return answer }
        }
        return respondNormally(route, campaignID, query)
    }

    private func respondNormally(_ route: FakeRoute, _ campaignID: String?, _ query: [String: String]) -> Answer {
        switch route {
        case .ping:
            return json(200, #"{"data":{"status":"ok"},"meta":{"requestId":"ping"}}"#)
        case .campaigns:
            return campaignPage(query)
        default:
            break
        }
        let campaigns = state.withLock { $0.campaigns }
        guard let campaign = campaigns.first(where: { $0.id == campaignID }) else {
            return envelope(404, code: "campaign_not_found", message: "Campaign not found.")
        }
        guard let start = query["startDate"], let end = query["endDate"], let first = Self.day(start), let last = Self.day(end)
        else { return envelope(400, code: "invalid_query_parameter", message: "startDate and endDate are required.") }
        if last < first { return envelope(400, code: "invalid_date_range", message: "endDate is before startDate.") }
        if last - first + 1 > 90 {
            return envelope(400, code: "invalid_query_parameter", message: "The range is longer than 90 days.")
        }
        func inWindow(_ line: String) -> Bool {
            guard let date = Self.field("report_date", line).flatMap(Self.day) else { return false }
            return date >= first && date <= last
        }
        switch route {
        case .breakdownExport, .engagementExport:
            var rows = (route == .breakdownExport ? campaign.breakdown : campaign.engagement).filter(inWindow)
            if route == .engagementExport, let context = query["engagementContext"] {
                rows = rows.filter { Self.field("engagement_context", $0) == context }
            }
            let kind = route == .breakdownExport ? "breakdown" : "engagement"
            return Answer(status: 200, headers: [
                ("Content-Type", "application/x-ndjson"), ("X-Row-Count", "\(rows.count)"),
                ("Content-Disposition", "attachment; filename=\"\(kind)_\(campaign.id)_\(start)_\(end).jsonl\""),
            ], body: Array(rows.map { $0 + "\n" }.joined().utf8))
        case .overview:
            return json(200, overview(campaign.breakdown.filter(inWindow), requestId: "ov-\(campaign.id)-\(start)-\(end)"))
        case .breakdownPage:
            let rows = campaign.breakdown.filter(inWindow)
            let size = min(Int(query["pageSize"] ?? "") ?? 100, state.withLock { $0.breakdownPageSize })
            let page = Int(query["page"] ?? "") ?? 1
            let pages = (rows.count + size - 1) / size
            let items = rows.dropFirst((page - 1) * size).prefix(size)
            // White space around the items, as a pretty-printing server might send them.
            let body = "{\n  \"data\": {\n    \"items\": [\n      " + items.joined(separator: ",\n      ")
                + "\n    ],\n    \"pagination\": {\"page\": \(page), \"pageSize\": \(size), \"totalCount\": \(rows.count), \"totalPages\": \(pages)},\n"
                + "    \"schemaVersion\": \"1.0\"\n  },\n  \"meta\": {\"requestId\": \"page-\(page)\"}\n}\n"
            return json(200, body)
        default:
            return envelope(404, code: "not_found", message: "No such route.")
        }
    }

    private func faulty(_ fault: FakeFault, normal: () -> Answer) -> Answer? {
        switch fault {
        case .status(let status, let code, let headers):
            var answer = envelope(status, code: code, message: "Injected.")
            answer.headers += headers
            return answer
        case .html(let status):
            return Answer(status: status, headers: [("Content-Type", "text/html")],
                          body: Array("<html><body><h1>\(status) Bad Gateway</h1></body></html>\n".utf8))
        case .cutBody:
            var answer = normal()
            answer.cutAfterHalf = true
            return answer
        case .wrongRowCount:
            var answer = normal()
            answer.headers = answer.headers.map { $0.0 == "X-Row-Count" ? ($0.0, "\((Int($0.1) ?? 0) + 1)") : $0 }
            return answer
        case .envelope200(let code):
            return envelope(200, code: code, message: "Injected.")
        case .slowBody(let seconds):
            var answer = normal()
            answer.pauseAfterHalf = seconds
            return answer
        case .wrongTotalCount:
            var answer = normal()
            let text = String(decoding: answer.body, as: UTF8.self)
            if let range = text.range(of: #"(?<="totalCount": )\d+"#, options: .regularExpression) {
                answer.body = Array(text.replacingCharacters(in: range, with: "\((Int(text[range]) ?? 0) + 1)").utf8)
            }
            return answer
        case .firstPageOnly:
            return nil
        case .partialContent:
            var answer = normal()
            answer.status = 206
            answer.body = Array(answer.body.prefix(answer.body.count / 2))
            answer.headers.removeAll { $0.0 == "X-Row-Count" }
            return answer
        case .contentEncoding(let coding):
            var answer = normal()
            answer.headers.removeAll { $0.0 == "X-Row-Count" }
            answer.headers.append(("Content-Encoding", coding))
            return answer
        }
    }

    private func takeFault(_ route: FakeRoute, _ campaign: String?) -> FakeFault? {
        state.withLock { state in
            guard let index = state.rules.firstIndex(where: {
                $0.route == route && $0.remaining > 0 && ($0.campaign == nil || $0.campaign == campaign)
            }) else { return nil }
            state.rules[index].remaining -= 1
            return state.rules[index].fault
        }
    }

    private func campaignPage(_ query: [String: String]) -> Answer {
        let (campaigns, limit) = state.withLock { ($0.campaigns, $0.listPageSize) }
        guard let page = Int(query["page"] ?? ""), page >= 1, let requested = Int(query["pageSize"] ?? ""),
              (1...100).contains(requested) else {
            return envelope(400, code: "invalid_query_parameter", message: "page and pageSize are required.")
        }
        let size = min(requested, limit)
        let pages = max(1, (campaigns.count + size - 1) / size)
        let items = campaigns.dropFirst((page - 1) * size).prefix(size).map {
            #"{"campaignId":"\#($0.id)","status":"active","createdAt":"\#($0.createdAt)","trackId":null,"playlistId":null}"#
        }
        return json(200, #"{"data":{"items":[\#(items.joined(separator: ","))],"pagination":{"page":\#(page),"pageSize":\#(size),"totalCount":\#(campaigns.count),"totalPages":\#(pages)}},"meta":{"requestId":"campaigns-\#(page)"}}"#)
    }

    private func overview(_ rows: [String], requestId: String) -> String {
        var counts: [String: Int] = [:]
        var money: [String: Double] = [:]
        var currency = "USD"
        for row in rows {
            guard let object = try? JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any] else { continue }
            for name in ["streams", "listeners", "followers", "impressions", "ad_clicks", "link_clicks"] {
                counts[name, default: 0] += (object[name] as? NSNumber)?.intValue ?? 0
            }
            for name in ["spend_media", "fees", "spend_total"] {
                money[name, default: 0] += (object[name] as? NSNumber)?.doubleValue ?? 0
            }
            currency = object["currency"] as? String ?? currency
        }
        let countText = ["streams", "listeners", "followers", "impressions", "ad_clicks", "link_clicks"]
            .map { "\"\($0)\":\(counts[$0] ?? 0)" }.joined(separator: ",")
        let moneyText = ["spend_media", "fees", "spend_total"]
            .map { "\"\($0)\":\(String(format: "%.2f", money[$0] ?? 0))" }.joined(separator: ",")
        return #"{"data":{\#(countText),\#(moneyText),"currency":"\#(currency)"},"meta":{"requestId":"\#(requestId)"}}"#
    }

    private func json(_ status: Int, _ text: String) -> Answer {
        Answer(status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
    }

    private func envelope(_ status: Int, code: String, message: String) -> Answer {
        let id = state.withLock { state in
            state.errorCounter += 1
            return "req-\(state.errorCounter)"
        }
        return json(status, #"{"error":{"code":"\#(code)","message":"\#(message)"},"meta":{"requestId":"\#(id)"}}"#)
    }

    // MARK: parsing

    static func split(_ uri: String) -> (String, [String: String]) {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value = kv.count == 2 ? String(kv[1]).removingPercentEncoding ?? String(kv[1]) : ""
                query[String(kv[0])] = value
            }
        }
        return (String(parts[0]), query)
    }

    static func route(_ path: String) -> (FakeRoute, String?)? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.first == "v1" else { return nil }
        if parts == ["v1", "ping"] { return (.ping, nil) }
        if parts == ["v1", "campaigns"] { return (.campaigns, nil) }
        guard parts.count >= 5, parts[1] == "campaigns", parts[3] == "metrics" else { return nil }
        let id = parts[2]
        switch Array(parts[4...]) {
        case ["breakdown", "export"]: return (.breakdownExport, id)
        case ["engagement", "export"]: return (.engagementExport, id)
        case ["overview"]: return (.overview, id)
        case ["breakdown"]: return (.breakdownPage, id)
        default: return nil
        }
    }

    /// Days since 1970-01-01 of `YYYY-MM-DD`.
    public static func day(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        var components = DateComponents()
        components.year = y
        components.month = m
        components.day = d
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == d else { return nil }
        return Int(date.timeIntervalSince1970 / 86_400)
    }

    /// A top-level string field of a JSON line.
    public static func field(_ name: String, _ line: String) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?[name] as? String
    }
}

/// One connection: every answer ends with the connection closed, so that a cut body cannot be mistaken.
final class FakeHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let server: FakeSoundlink
    private var head: HTTPRequestHead?

    init(server: FakeSoundlink) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            self.head = nil
            let answer = server.answer(head)
            let delay = server.responseDelay
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            if delay > 0 {
                context.eventLoop.scheduleTask(in: .nanoseconds(Int64(delay * 1e9))) {
                    handler.value.send(answer, context: loopBound.value)
                }
            } else {
                send(answer, context: context)
            }
        }
    }

    private func send(_ answer: FakeSoundlink.Answer, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(answer.headers)
        headers.add(name: "Content-Length", value: "\(answer.body.count)")
        headers.add(name: "Connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: answer.status), headers: headers)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        let half = answer.body.count / 2
        let first = context.channel.allocator.buffer(bytes: answer.body[..<half])
        let rest = context.channel.allocator.buffer(bytes: answer.body[half...])
        if answer.cutAfterHalf {
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(first))))
                .whenComplete { _ in loopBound.value.close(promise: nil) }
            return
        }
        context.write(wrapOutboundOut(.body(.byteBuffer(first))), promise: nil)
        let finish: @Sendable () -> Void = {
            let context = loopBound.value
            guard context.channel.isActive else { return }
            context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(rest))), promise: nil)
            context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).whenComplete { _ in loopBound.value.close(promise: nil) }
        }
        if let pause = answer.pauseAfterHalf {
            context.flush()
            context.eventLoop.scheduleTask(in: .nanoseconds(Int64(pause * 1e9))) { finish() }
        } else {
            finish()
        }
    }
}
