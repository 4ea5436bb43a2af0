import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ReconKit
import Synchronization

/// Requests to the Soundlink API with the key, the pacing and the retries; one attempt's body is
/// handed to the caller as it streams.
final class APIClient: Sendable {
    let http: HTTPClient
    let settings: FetchSettings
    let pacer: RatePacer
    let clock: any FetchClock
    let observer: any FetchObserver
    private let counters = Mutex((requests: 0, retries: 0))
    private let backoff: Backoff
    private let baseURL: String

    init(settings: FetchSettings, clock: any FetchClock, observer: any FetchObserver) throws {
        var base = settings.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw FetchError.badBaseURL(settings.baseURL)
        }
        baseURL = base
        self.settings = settings
        self.clock = clock
        self.observer = observer
        backoff = Backoff(base: settings.backoffBase, cap: settings.backoffCap)
        pacer = RatePacer(perMinute: settings.requestsPerMinute, perHour: settings.requestsPerHour, clock: clock,
                          onWaiting: { [observer] in observer.fetchWaiting(requests: $0) })
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .nanoseconds(Int64(settings.connectTimeout * 1e9)),
                                      read: .nanoseconds(Int64(settings.idleTimeout * 1e9)))
        // The key goes only to the base URL's host.
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    func shutdown() async {
        try? await http.shutdown()
    }

    var requests: Int { counters.withLock { $0.requests } }
    var retries: Int { counters.withLock { $0.retries } }

    /// One paced attempt: the response head, or a failure that names why there was none.
    func send(_ path: String, query: [(String, String)], accept: String) async throws -> HTTPClientResponse {
        try await pacer.acquire()
        counters.withLock { $0.requests += 1 }
        var url = baseURL + path
        if !query.isEmpty {
            url += "?" + query.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: settings.apiKey.authorization)
        request.headers.add(name: "Accept", value: accept)
        request.headers.add(name: "User-Agent", value: "soundlink-recon")
        do {
            return try await http.execute(request, timeout: .hours(24))
        } catch let error as CancellationError {
            throw error
        } catch {
            throw FetchFailure(.connectionError(Self.describe(error)))
        }
    }

    /// The failure for a response that is not a 2xx, with the envelope's code and request id.
    func failure(for response: HTTPClientResponse, reason: FetchFailure.Reason? = nil) async -> FetchFailure {
        let status = Int(response.status.code)
        var failure = FetchFailure(reason ?? .status(status))
        if let body = try? await response.body.collect(upTo: 1 << 16),
           let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] {
            failure.code = (object["error"] as? [String: Any])?["code"] as? String
            failure.requestId = (object["meta"] as? [String: Any])?["requestId"] as? String
        }
        if status == 429 {
            failure.retryAfter = response.headers.first(name: "Retry-After").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                .map(Double.init)
        }
        return failure
    }

    /// Runs `attempt` until it succeeds, fails for good, or `maxAttempts` is reached.
    func withRetries<T>(_ label: String, _ attempt: () async throws -> T) async throws -> T {
        var number = 0
        while true {
            number += 1
            do {
                return try await attempt()
            } catch let failure as FetchFailure {
                if failure.stopsJob { throw FetchError.unauthorized(request: label, failure) }
                guard failure.isRetryable, number < settings.maxAttempts else { throw failure }
                try await waitBeforeRetry(label, attempt: number, failure: failure)
            }
        }
    }

    /// The back-off after failed attempt `attempt`; after a 429 at least `Retry-After`, and every request waits.
    func waitBeforeRetry(_ label: String, attempt: Int, failure: FetchFailure) async throws {
        var wait = backoff.delay(afterAttempt: attempt)
        if failure.status == 429 {
            wait = max(wait, failure.retryAfter ?? settings.defaultRetryAfter)
            await pacer.pause(seconds: wait)
        }
        counters.withLock { $0.retries += 1 }
        observer.fetchRetrying(request: label, attempt: attempt, failure: failure, wait: wait)
        try await clock.sleep(seconds: wait)
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~")
        return set
    }()

    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// A short, key-free account of a transport error.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "connect time-out"
            case .readTimeout: return "idle time-out"
            case .deadlineExceeded: return "deadline exceeded"
            case .remoteConnectionClosed: return "connection closed"
            // The full description can carry a header's value, the key included.
            default: return error.shortDescription
            }
        }
        if String(describing: type(of: error)) == "NIOConnectionError" { return "cannot connect" }
        if let error = error as? IOError { return error.description }
        return String(describing: type(of: error))
    }
}

extension HTTPClientResponse {
    /// A 2xx that carries the whole body: 206 Partial Content is a part of it by definition.
    var isSuccess: Bool { (200..<300).contains(Int(status.code)) && status != .partialContent }

    /// The server's clock (`Date` header), as seconds since 1970.
    var serverDate: Double? { headers.first(name: "Date").flatMap(HTTPDate.parse) }
}
