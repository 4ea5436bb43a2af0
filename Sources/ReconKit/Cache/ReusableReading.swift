/// A previous run's reading of the exports, and how many of this run's first files of each
/// source it holds as they are now (the re-run cache).
///
/// A reader resumes from the state the previous run had after those files: its rows up to
/// their count then, the conflicts among them and its counts. That state is exact because no
/// later file replaced one of those rows (`FileCheckpoint.earliestReplacedFile`, checked by
/// `RerunCache.lookup`). The pool is the previous run's whole pool: ids of texts that only a
/// changed file held stay unused, and no report depends on the order of ids.
struct ReusableReading {
    let reading: ExportReading
    /// The previous run's `rejected.jsonl`.
    let rejectedLines: [UInt8]
    /// Leading breakdown and engagement files to take from `reading`.
    let breakdownFiles: Int
    let engagementFiles: Int

    /// Breakdown files of the previous run (engagement files came after them).
    private var previousBreakdownFiles: Int { reading.breakdownCounts.files }

    /// The previous run's index of this run's file `index` (one of the files taken from it).
    func oldIndex(_ index: Int, breakdownFiles count: Int) -> Int {
        index < count ? index : previousBreakdownFiles + index - count
    }

    /// The lines the previous run wrote to `rejected.jsonl` for its file `index`.
    func rejectedLines(ofFile index: Int) -> ArraySlice<UInt8> {
        rejectedLines[rejectedStarts[index]..<(rejectedStarts[index] + reading.checkpoints[index].rejectedBytes)]
    }

    /// Where each file's lines start in `rejectedLines`.
    private let rejectedStarts: [Int]

    init(reading: ExportReading, rejectedLines: [UInt8], breakdownFiles: Int, engagementFiles: Int) {
        self.reading = reading
        self.rejectedLines = rejectedLines
        self.breakdownFiles = breakdownFiles
        self.engagementFiles = engagementFiles
        var start = 0
        rejectedStarts = reading.checkpoints.map { checkpoint in
            defer { start += checkpoint.rejectedBytes }
            return start
        }
    }

    func resumedBreakdown(threads: Int) -> ExportReader<BreakdownRow>? {
        resumed(reading.breakdownRows, reading.breakdownConflicts, files: breakdownFiles, lastIndex: breakdownFiles - 1,
                threads: threads)
    }

    func resumedEngagement(threads: Int) -> ExportReader<EngagementRow>? {
        resumed(reading.engagementRows, reading.engagementConflicts, files: engagementFiles,
                lastIndex: previousBreakdownFiles + engagementFiles - 1, threads: threads)
    }

    private func resumed<Row: ExportRow>(
        _ rows: ChunkedRows<Row>, _ conflicts: [Int: [RowOrigin]], files: Int, lastIndex: Int, threads: Int
    ) -> ExportReader<Row>? {
        guard files > 0 else { return nil }
        let checkpoint = reading.checkpoints[lastIndex]
        let table = DeduplicatedRows(
            rows: rows.prefix(checkpoint.keptRows), conflicts: conflicts.filter { $0.key < checkpoint.keptRows },
            superseded: checkpoint.counts.superseded)
        return ExportReader(pool: reading.pool, threads: threads, resuming: table, counts: checkpoint.counts)
    }
}
