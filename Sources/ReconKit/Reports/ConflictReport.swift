/// `conflicts.csv`: rows that share a primary key and an `exported_at` but report different
/// values. The tie rule still keeps the row read last (SPEC §4); this list shows where the
/// result depends on that order, so that ops can ask Soundlink which export is right.
struct ConflictReport {
    static let columns = [
        "source", "report_date", "account_id", "campaign_id", "country_code", "engagement_context",
        "engaged_spotify_track_id", "exported_at", "kept_file", "kept_line", "other_file", "other_line",
    ]
    /// Input text, protected against formula evaluation: the ids, the context, the engaged track and the files.
    static let guarded = columns.indices.map { [2, 3, 4, 5, 6, 8, 10].contains($0) }

    /// One conflict: the kept row's fields and the other row's place.
    struct Line {
        let source: String
        let header: RowHeader
        let context: TextID
        let engagedTrack: TextID
        let other: RowOrigin
    }

    private(set) var lines: [Line] = []

    /// Adds the conflicts of one source, in row order; `details` gives an engagement row's
    /// context and engaged track (absent for breakdown rows).
    mutating func add<Row: ExportRow>(
        source: String, rows: ChunkedRows<Row>, conflicts: [Int: [RowOrigin]],
        details: (Row) -> (context: TextID, engagedTrack: TextID)
    ) {
        for position in conflicts.keys.sorted() {
            let row = rows[position]
            let extra = details(row)
            for other in conflicts[position] ?? [] {
                lines.append(Line(source: source, header: row.header, context: extra.context,
                                  engagedTrack: extra.engagedTrack, other: other))
            }
        }
    }

    var count: Int { lines.count }

    /// The lines as printed; `files` maps a row's file index to its path.
    func report(pool: StringPool, files: [String]) -> ReportLines {
        ReportLines(columns: Self.columns, lines: lines, guarded: Self.guarded, pool: pool) { line in
            let header = line.header
            return [
                .text(line.source), .day(header.reportDate), .pooled(header.accountID),
                .pooled(header.campaignID), .pooled(header.countryCode), .pooled(line.context),
                .pooled(line.engagedTrack), .text(header.exportedAt?.description ?? ""),
                .text(files[Int(header.origin.file)]), .integer(header.origin.line),
                .text(files[Int(line.other.file)]), .integer(line.other.line),
            ]
        }
    }
}
