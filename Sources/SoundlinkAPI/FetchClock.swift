import Foundation

/// Time as the fetch sees it: injectable so that pacing and back-off are tested without waiting.
public protocol FetchClock: Sendable {
    /// Seconds since an arbitrary origin.
    func now() -> Double
    func sleep(seconds: Double) async throws
}

/// The real clock.
public struct SystemFetchClock: FetchClock {
    public init() {}

    public func now() -> Double { ProcessInfo.processInfo.systemUptime }

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
