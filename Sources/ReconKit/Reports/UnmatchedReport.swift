/// Writes `unmatched.csv` (SPEC §6) line by line from the kept rows, so the report
/// is never held in memory whole.
struct UnmatchedReport {
    static let columns = [
        "source", "side", "reason", "report_date", "account_id", "campaign_id", "campaign_name", "country_code",
        "engagement_context", "isrc_raw", "spotify_track_id_raw", "engaged_track_name", "streams",
        "spend_total", "currency", "file", "line",
    ]

    let reconciliation: Reconciliation
    let breakdown: ChunkedRows<BreakdownRow>
    let engagement: ChunkedRows<EngagementRow>
    let files: [ExportFile]

    /// The typed fields of one line.
    func fields(_ line: UnmatchedLine) -> [ReportField] { printer.fields(line) }

    /// What prints a line: the rows and file names only, so formatting threads can share it.
    private var printer: UnmatchedLinePrinter {
        UnmatchedLinePrinter(breakdown: breakdown, engagement: engagement, files: files)
    }

    /// The sorted lines as printed.
    func report(_ sorted: [UnmatchedLine]) -> ReportLines {
        ReportLines(columns: Self.columns, lines: sorted, pool: reconciliation.matcher.pool, fields: fields)
    }

    /// Sorted by source, side, reason, report_date, campaign_id, country_code,
    /// engagement_context, spotify_track_id_raw, then file and line (numerically);
    /// text compared as bytes.
    func sortedLines() -> [UnmatchedLine] {
        let lines = reconciliation.unmatched
        var keyed = lines.map(parts)
        let pool = reconciliation.matcher.pool
        let campaigns = TextRanks.formulaGuarded(keyed.lazy.map { TextID(index: $0.campaign) }, pool: pool)
        let countries = TextRanks.formulaGuarded(keyed.lazy.map { TextID(index: $0.country) }, pool: pool)
        let contexts = TextRanks.formulaGuarded(keyed.lazy.map { TextID(index: $0.context) }, pool: pool)
        let spotifyIDs = TextRanks(keyed.lazy.map { TextID(index: $0.spotify) }, pool: pool) {
            pool.withBytes($0) { ReportField.RawIdentifierKind.spotifyTrackID.guards($0) }
        }
        let printedPaths = files.map { FormulaGuard.printed($0.path) }
        let fileOrder = files.indices.sorted { printedPaths[$0].utf8.lexicographicallyPrecedes(printedPaths[$1].utf8) }
        var fileRanks = [UInt32](repeating: 0, count: files.count)
        for (rank, index) in fileOrder.enumerated() { fileRanks[index] = UInt32(rank) }
        for index in keyed.indices {
            keyed[index].campaign = campaigns[TextID(index: keyed[index].campaign)]
            keyed[index].country = countries[TextID(index: keyed[index].country)]
            keyed[index].context = contexts[TextID(index: keyed[index].context)]
            keyed[index].spotify = spotifyIDs[TextID(index: keyed[index].spotify)]
            keyed[index].origin = RowOrigin(file: Int(fileRanks[keyed[index].origin.file]), line: keyed[index].origin.line)
        }
        // Positions sorted by their keys (no two lines have the same key): 4 bytes a line, where
        // sorting the keys themselves would move them and need a buffer of half of them.
        precondition(lines.count < Int(UInt32.max), "more than 2^32 - 1 unmatched lines")
        var order = Array(0..<UInt32(lines.count))
        keyed.withUnsafeBufferPointer { keys in order.sort { keys[Int($0)] < keys[Int($1)] } }
        return order.map { lines[Int($0)] }
    }

    /// Writes the header and every line, sorted; returns the sorted lines.
    ///
    /// Lines are formatted in batches of `slice` lines on other threads, up to `threads` + 1
    /// batches ahead, while this thread writes the finished batches in order.
    func write(to writer: FileWriter, threads: Int = 1, slice: Int = 1 << 15) throws -> [UnmatchedLine] {
        try writer.write(CSVLine.header(Self.columns))
        let sorted = sortedLines()
        let (printer, pool) = (self.printer, reconciliation.matcher.pool)
        let guarded = ReportColumns.guarded(Self.columns)
        var ahead: [BackgroundJob<[UInt8]>] = []
        for lower in stride(from: 0, to: sorted.count, by: slice) {
            if ahead.count > max(1, threads) { try writer.write(ahead.removeFirst().result()) }
            let batch = sorted[lower..<min(sorted.count, lower + slice)]
            ahead.append(BackgroundJob {
                var lines = CSVFieldSink(guarded: guarded, pool: pool)
                for line in batch {
                    printer.print(line, into: &lines)
                    lines.endLine()
                }
                return lines.bytes
            })
        }
        for job in ahead { try writer.write(job.result()) }
        return sorted
    }

    /// The breakdown lines with the most spend, ties in report order.
    func mostSpend(_ sorted: [UnmatchedLine], count: Int) -> [UnmatchedLine] {
        let spent = sorted.enumerated().compactMap { index, line -> (Int, Money, UnmatchedLine)? in
            line.source == .breakdown ? (index, breakdown[Int(line.row)].spendTotal, line) : nil
        }
        return spent.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(count).map(\.2)
    }

    /// The sort key of a line before texts are ranked: ids where ranks will go (32 bytes).
    private struct SortParts: Comparable {
        var head: UInt64
        var campaign: UInt32, country: UInt32, context: UInt32, spotify: UInt32
        /// File (index, then rank) and line.
        var origin: RowOrigin

        static func < (lhs: SortParts, rhs: SortParts) -> Bool {
            if lhs.head != rhs.head { return lhs.head < rhs.head }
            return (lhs.campaign, lhs.country, lhs.context, lhs.spotify, lhs.origin)
                < (rhs.campaign, rhs.country, rhs.context, rhs.spotify, rhs.origin)
        }
    }

    private func parts(_ line: UnmatchedLine) -> SortParts {
        let header: RowHeader, context: TextID, spotify: TextID
        switch line.source {
        case .breakdown:
            header = breakdown[Int(line.row)].header
            (context, spotify) = (TextID.absent, header.target.spotifyTrackID)
        case .engagement:
            let row = engagement[Int(line.row)]
            header = row.header
            (context, spotify) = (row.context, line.side == .target ? header.target.spotifyTrackID : row.engagedSpotifyTrackID)
        }
        let textOrder = Self.rank(line.source, Self.sourceOrder) << 56 | Self.rank(line.side, Self.sideOrder) << 48
            | Self.rank(line.reason, Self.reasonOrder) << 40
        let day = UInt64(UInt32(bitPattern: header.reportDate.daysSinceEpoch) ^ 0x8000_0000)
        return SortParts(head: textOrder | day, campaign: header.campaignID.index, country: header.countryCode.index,
                         context: context.index, spotify: spotify.index, origin: header.origin)
    }

    private static let sourceOrder = byteOrder(UnmatchedLine.Source.self)
    private static let sideOrder = byteOrder(UnmatchedLine.Side.self)
    private static let reasonOrder = byteOrder(UnmatchedReason.self)

    /// Each case with its position among all cases sorted by their printed text as bytes.
    private static func byteOrder<Value: RawRepresentable<String> & CaseIterable & Equatable>(
        _: Value.Type
    ) -> [(Value, UInt64)] {
        Value.allCases.map { value in
            (value, UInt64(Value.allCases.filter { $0.rawValue.utf8.lexicographicallyPrecedes(value.rawValue.utf8) }.count))
        }
    }

    /// A case's position in a `byteOrder` table (a few cases: a scan beats hashing).
    private static func rank<Value: Equatable>(_ value: Value, _ order: [(Value, UInt64)]) -> UInt64 {
        order.first { $0.0 == value }!.1
    }
}
