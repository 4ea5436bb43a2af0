/// Rows per match method or unmatched reason, for one source and side.
public struct MatchCounts: Sendable, Equatable {
    /// Counts in the order of `outcomes`.
    private var counts = [Int](repeating: 0, count: outcomes.count)

    public init() {}

    public static let outcomes = ["isrc", "spotify_id", "playlist"] + UnmatchedReason.allCases.map(\.rawValue)

    /// Counts by outcome name; outcomes never seen are left out.
    public var byOutcome: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(Self.outcomes, counts).filter { $0.1 > 0 })
    }

    mutating func add(_ result: MatchResult) {
        switch result {
        case .matched(_, .isrc): counts[0] += 1
        case .matched(_, .spotifyID): counts[1] += 1
        case .playlist: counts[2] += 1
        case .unmatched(.noKeys): counts[3] += 1
        case .unmatched(.invalidKeys): counts[4] += 1
        case .unmatched(.notInCatalog): counts[5] += 1
        }
    }

    /// Adds the counts of other rows.
    mutating func add(_ other: MatchCounts) {
        for index in counts.indices { counts[index] += other.counts[index] }
    }

    public subscript(outcome: String) -> Int { Self.outcomes.firstIndex(of: outcome).map { counts[$0] } ?? 0 }
}
