/// Why a request did not give a usable response: what a failure report names (SPEC §9, §13).
public struct FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// A response with this status whose body was not usable as it was.
        case status(Int)
        /// The response started but its body ended early or went silent.
        case bodyCutShort
        /// No response: refused, reset, or the connect or first-byte time-out passed.
        case connectionError(String)
        /// The export's lines do not number its `X-Row-Count`.
        case rowCountMismatch(received: Int, announced: Int)
        /// A 2xx export answered with `Content-Type: application/json`, or a 2xx overview's body is an error envelope.
        case errorEnvelope(status: Int)
        /// The paginated items do not number `pagination.totalCount`, or a page is not readable.
        case badPages(String)
        /// A 2xx whose body cannot be what was asked for: a compressed export, an overview that is not JSON.
        case unusableBody(String)
    }

    public var reason: Reason
    /// `error.code` of the API's envelope, when there was one.
    public var code: String?
    /// `meta.requestId` of the API's answer, when there was one.
    public var requestId: String?
    /// Seconds the API asked to wait (429).
    public var retryAfter: Double?

    public init(_ reason: Reason, code: String? = nil, requestId: String? = nil, retryAfter: Double? = nil) {
        self.reason = reason
        self.code = code
        self.requestId = requestId
        self.retryAfter = retryAfter
    }

    public var status: Int? {
        switch reason {
        case .status(let status), .errorEnvelope(let status): status
        default: nil
        }
    }

    /// 429, 5xx, connection errors, cut bodies and wrong counts are worth another attempt; other 4xx are not.
    public var isRetryable: Bool {
        switch reason {
        case .status(let status): status == 429 || status >= 500
        default: true
        }
    }

    /// 401 and 403 stop the job.
    public var stopsJob: Bool { status == 401 || status == 403 }

    public var description: String {
        var text: String
        switch reason {
        case .status(let status): text = "HTTP \(status)"
        case .bodyCutShort: text = "body cut short"
        case .connectionError(let detail): text = "connection error (\(detail))"
        case .rowCountMismatch(let received, let announced): text = "\(received) rows received, X-Row-Count \(announced)"
        case .errorEnvelope(let status): text = "HTTP \(status) with a JSON error envelope"
        case .badPages(let detail): text = "pages not usable (\(detail))"
        case .unusableBody(let detail): text = "body not usable (\(detail))"
        }
        text += ", error.code \(code ?? "-"), requestId \(requestId ?? "-")"
        return text
    }
}
