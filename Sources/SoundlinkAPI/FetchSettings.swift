import ReconKit

/// Everything one `fetch` needs, built once from the command line, the config file and the environment.
public struct FetchSettings: Sendable {
    /// The folder that accumulates the fetched files and `manifest.json`.
    public var outputFolder: String
    /// First and last day of the period (inclusive, UTC).
    public var from: CalendarDay
    public var to: CalendarDay
    /// Without campaigns, every campaign of the organisation is listed and fetched.
    public var campaigns: [String] = []
    public var engagementContext: EngagementContext?
    /// The breakdown through the paginated endpoint instead of the export.
    public var paginated = false
    public var baseURL = "https://api.getsoundlink.com"
    public var apiKey: APIKey
    public var requestsPerMinute = 60
    public var requestsPerHour = 600
    /// Attempts per request, the first one included.
    public var maxAttempts = 6
    /// Seconds allowed to open a connection.
    public var connectTimeout = 30.0
    /// Seconds a response may stay silent before the request counts as failed.
    public var idleTimeout = 60.0
    /// The first back-off delay in seconds; it doubles per attempt up to `backoffCap`.
    public var backoffBase = 1.0
    public var backoffCap = 60.0
    /// The wait after a 429 without a usable `Retry-After`.
    public var defaultRetryAfter = 60.0
    /// Windows fetched at once; the pacing holds whatever the number.
    public var concurrentWindows = 2

    public init(outputFolder: String, from: CalendarDay, to: CalendarDay, apiKey: APIKey) {
        self.outputFolder = outputFolder
        self.from = from
        self.to = to
        self.apiKey = apiKey
    }
}
