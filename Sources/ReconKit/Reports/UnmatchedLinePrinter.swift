/// Prints the lines of `unmatched.csv` from the kept rows and the export file names.
///
/// It holds only values, so the threads that format `unmatched.csv` in batches share one.
struct UnmatchedLinePrinter: Sendable {
    let breakdown: ChunkedRows<BreakdownRow>
    let engagement: ChunkedRows<EngagementRow>
    let files: [ExportFile]

    /// The typed fields of one line.
    func fields(_ line: UnmatchedLine) -> [ReportField] {
        let header: RowHeader
        var context = TextID.absent, isrc: TextID, spotify: TextID, trackName = TextID.absent, streams: Count
        var spend = ReportField.empty, currency = TextID.absent
        switch line.source {
        case .breakdown:
            let row = breakdown[Int(line.row)]
            header = row.header
            (isrc, spotify, streams) = (header.target.isrc, header.target.spotifyTrackID, row.streams)
            (spend, currency) = (.amount(row.spendTotal), row.currency)
        case .engagement:
            let row = engagement[Int(line.row)]
            header = row.header
            (context, streams, trackName) = (row.context, row.streams, row.engagedTrackName)
            (isrc, spotify) = line.side == .target
                ? (header.target.isrc, header.target.spotifyTrackID) : (row.engagedISRC, row.engagedSpotifyTrackID)
        }
        return [
            .text(line.source.rawValue), .text(line.side.rawValue), .text(line.reason.rawValue),
            .text(header.reportDate.description), .pooled(header.accountID), .pooled(header.campaignID),
            .pooled(header.campaignName), .pooled(header.countryCode), .pooled(context), .rawIdentifier(isrc, .isrc),
            .rawIdentifier(spotify, .spotifyTrackID), .pooled(trackName), .count(streams.summable), spend,
            .pooled(currency), .text(files[header.origin.file].path), .integer(header.origin.line),
        ]
    }
}
