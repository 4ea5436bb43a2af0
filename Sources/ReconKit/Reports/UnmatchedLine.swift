/// One line of `unmatched.csv`: a kept row whose target or engaged track found no entry.
struct UnmatchedLine {
    enum Source: String { case breakdown, engagement }
    enum Side: String { case target, engaged }

    var source: Source
    var side: Side
    var reason: UnmatchedReason
    var header: RowHeader
    var context: UInt32 = StringPool.absent
    var isrcRaw: UInt32
    var spotifyRaw: UInt32
    var engagedTrackName: UInt32 = StringPool.absent
    var streams: Count
    /// Breakdown only.
    var spendTotal: Money?
    var currency: UInt32 = StringPool.absent
}
