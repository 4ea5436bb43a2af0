/// One campaign window, fetched or failed.
public struct WindowOutcome: Sendable {
    public let campaign: String
    public let window: FetchWindow
    /// Breakdown and engagement rows written; nil when the window failed.
    public let rows: (breakdown: Int, engagement: Int)?
    public let isFinal: Bool
    /// Which file failed and why.
    public let failure: (kind: FetchKind, failure: FetchFailure)?
    /// Rows of another campaign or of days outside the window (the window then stays provisional).
    public var outOfWindowRows = 0

}
