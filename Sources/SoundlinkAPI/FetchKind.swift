/// The three files of a window.
public enum FetchKind: String, Sendable, CaseIterable, Codable {
    case breakdown
    case engagement
    case overview

    /// `breakdown/breakdown_{campaignId}_{start}_{end}.jsonl` and its siblings, relative to the fetch folder.
    public func relativePath(campaign: String, window: FetchWindow) -> String {
        "\(rawValue)/\(rawValue)_\(campaign)_\(window.start)_\(window.end).\(fileExtension)"
    }

    /// True when `name` has the form of this kind's file names (`relativePath`'s last component).
    func isFileName(_ name: String) -> Bool {
        name.hasPrefix(rawValue + "_") && name.hasSuffix("." + fileExtension)
    }

    private var fileExtension: String { self == .overview ? "json" : "jsonl" }
}
