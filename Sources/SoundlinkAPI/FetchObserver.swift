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
