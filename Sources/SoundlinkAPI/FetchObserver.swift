/// What a fetch reports while it works; the executable prints it, the library never does.
public protocol FetchObserver: Sendable {
    /// The windows to fetch, after skipping the final ones.
    func fetchPlanned(campaigns: Int, windows: Int, skippedFinal: Int)
    func fetchWindowFinished(_ window: WindowOutcome)
    /// Requests now held back by the pacing or a 429 pause.
    func fetchWaiting(requests: Int)
    func fetchRetrying(request: String, attempt: Int, failure: FetchFailure, wait: Double)
}

extension FetchObserver {
    public func fetchPlanned(campaigns: Int, windows: Int, skippedFinal: Int) {}
    public func fetchWindowFinished(_ window: WindowOutcome) {}
    public func fetchWaiting(requests: Int) {}
    public func fetchRetrying(request: String, attempt: Int, failure: FetchFailure, wait: Double) {}
}

/// One campaign window, fetched or failed.
public struct WindowOutcome: Sendable, Equatable {
    public let campaign: String
    public let window: FetchWindow
    /// Breakdown and engagement rows written; nil when the window failed.
    public let rows: (breakdown: Int, engagement: Int)?
    public let isFinal: Bool
    /// Which file failed and why.
    public let failure: (kind: FetchKind, failure: FetchFailure)?

    public static func == (lhs: WindowOutcome, rhs: WindowOutcome) -> Bool {
        lhs.campaign == rhs.campaign && lhs.window == rhs.window && lhs.rows?.breakdown == rhs.rows?.breakdown
            && lhs.rows?.engagement == rhs.rows?.engagement && lhs.isFinal == rhs.isFinal
            && lhs.failure?.kind == rhs.failure?.kind && lhs.failure?.failure == rhs.failure?.failure
    }
}

/// What a whole fetch did.
public struct FetchSummary: Sendable {
    public var campaigns = 0
    public var windows = 0
    public var skippedFinal = 0
    public var fetched = 0
    public var finalNow = 0
    public var failed: [WindowOutcome] = []
    public var rows = 0
    public var requests = 0
    public var retries = 0
    public var campaignsSkippedAsLater = 0
    public var temporaryFilesRemoved = 0

    public init() {}
}
