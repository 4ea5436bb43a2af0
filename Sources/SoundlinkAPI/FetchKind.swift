/// The three files of a window.
public enum FetchKind: String, Sendable, CaseIterable, Codable {
    case breakdown
    case engagement
    case overview

    /// `breakdown/breakdown_{campaignId}_{start}_{end}.jsonl` and its siblings, relative to the fetch folder.
    public func relativePath(campaign: String, window: FetchWindow) -> String {
        let suffix = self == .overview ? "json" : "jsonl"
        return "\(rawValue)/\(rawValue)_\(campaign)_\(window.start)_\(window.end).\(suffix)"
    }
}
