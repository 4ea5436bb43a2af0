/// Prints the lines of `unmatched.csv` from the kept rows and the export file names.
///
/// It holds only values, so the threads that format `unmatched.csv` in batches share one.
struct UnmatchedLinePrinter: Sendable {
    let breakdown: ChunkedRows<BreakdownRow>
    let engagement: ChunkedRows<EngagementRow>
    let files: [ExportFile]

    /// The typed fields of one line.
    func fields(_ line: UnmatchedLine) -> [ReportField] {
        var fields: [ReportField] = []
        fields.reserveCapacity(UnmatchedReport.columns.count)
        print(line, into: &fields)
        return fields
    }

    /// Gives the typed fields of one line to `sink`, in column order.
    func print<Sink: ReportFieldSink>(_ line: UnmatchedLine, into sink: inout Sink) {
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
        sink.add(.text(line.source.rawValue))
        sink.add(.text(line.side.rawValue))
        sink.add(.text(line.reason.rawValue))
        sink.add(.day(header.reportDate))
        sink.add(.pooled(header.accountID))
        sink.add(.pooled(header.campaignID))
        sink.add(.pooled(header.campaignName))
        sink.add(.pooled(header.countryCode))
        sink.add(.pooled(context))
        sink.add(.rawIdentifier(isrc, .isrc))
        sink.add(.rawIdentifier(spotify, .spotifyTrackID))
        sink.add(.pooled(trackName))
        sink.add(.count(streams.summable))
        sink.add(spend)
        sink.add(.pooled(currency))
        sink.add(.text(files[header.origin.file].path))
        sink.add(.integer(header.origin.line))
    }
}
