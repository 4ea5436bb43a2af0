/// Rows per match method or unmatched reason, for one source and side.
public struct MatchCounts: Sendable, Equatable {
    public private(set) var byOutcome: [String: Int] = [:]

    public init() {}

    /// Every outcome label, in report order.
    public static let outcomes = ["isrc", "spotify_id", "playlist"] + UnmatchedReason.allCases.map(\.rawValue)

    mutating func add(_ result: MatchResult) {
        switch result {
        case let .matched(_, method): byOutcome[method.rawValue, default: 0] += 1
        case .playlist: byOutcome["playlist", default: 0] += 1
        case let .unmatched(reason): byOutcome[reason.rawValue, default: 0] += 1
        }
    }

    public subscript(outcome: String) -> Int { byOutcome[outcome] ?? 0 }
}
