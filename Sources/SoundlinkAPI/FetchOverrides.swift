import ReconKit

/// What the command line gives; nil and empty mean "not given".
public struct FetchOverrides: Sendable {
    public var out: String?
    public var baseURL: String?
    public var campaigns: [String] = []
    public var engagementContext: EngagementContext?
    public var paginated = false
    public var requestsPerMinute: Int?
    public var requestsPerHour: Int?
    public var maxAttempts: Int?
    public var connectTimeout: Double?
    public var idleTimeout: Double?
    public var backoffBase: Double?
    public var concurrentWindows: Int?

    public init() {}
}
