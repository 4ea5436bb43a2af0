/// What a whole fetch did.
public struct FetchSummary: Sendable {
    /// Campaigns fetched (given, or listed and not created after the period).
    public var campaigns = 0
    /// Campaign windows of the period, final ones included.
    public var windows = 0
    /// Windows final in the manifest, not asked for.
    public var skippedFinal = 0
    /// Windows whose three files were written.
    public var fetched = 0
    /// Of those, the windows that are final now.
    public var finalNow = 0
    /// Windows still failing after their last attempt, sorted by campaign and window.
    public var failed: [WindowOutcome] = []
    /// Breakdown and engagement rows written.
    public var rows = 0
    /// HTTP requests sent, every attempt counted.
    public var requests = 0
    /// Attempts that were followed by another one.
    public var retries = 0
    /// Listed campaigns created after the period.
    public var campaignsSkippedAsLater = 0
    /// Temporary files of a killed run, removed.
    public var temporaryFilesRemoved = 0

    public init() {}
}
