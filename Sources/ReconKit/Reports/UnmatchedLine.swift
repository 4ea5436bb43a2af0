/// One line of `unmatched.csv`, by reference: a kept row and the side of it that found no entry.
///
/// Eight bytes a line; the printed fields are read from the row when the report is written,
/// so a month with millions of unmatched rows does not hold them twice.
struct UnmatchedLine: Sendable {
    enum Source: String, CaseIterable { case breakdown, engagement }
    enum Side: String, CaseIterable { case target, engaged }

    var source: Source
    var side: Side
    var reason: UnmatchedReason
    /// The row's position among its source's de-duplicated rows.
    var row: UInt32
}
