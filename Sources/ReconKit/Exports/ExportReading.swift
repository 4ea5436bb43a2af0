/// What reading a run's export files gave: the kept rows of both sources with their counts and
/// `exported_at` conflicts, the files' fingerprints, and what was rejected. Everything the rest
/// of a run needs from the exports, so that it can also come from the re-run cache.
struct ExportReading {
    let pool: StringPool
    /// Ids below this were handed out while reading (the rest of a run adds catalog keys).
    var poolCount: Int
    var breakdownRows: ChunkedRows<BreakdownRow>
    var engagementRows: ChunkedRows<EngagementRow>
    var breakdownCounts: SourceCounts
    var engagementCounts: SourceCounts
    var breakdownConflicts: [Int: [RowOrigin]]
    var engagementConflicts: [Int: [RowOrigin]]
    /// The export files' sizes and SHA-256, breakdown files first, in read order.
    var fingerprints: [InputFingerprint]
    /// The counts of a file's source after it was read, per file in read order (for `--verbose`).
    var countsAfterFile: [SourceCounts]
    var rejectedFiles: [RejectedFile]
    var rejectionsByReason: [RejectionReason: Int]

    /// Reads `breakdownFiles`, then `engagementFiles`, writing `rejected.jsonl` into `output`.
    /// `checkpoint` is called as reading goes on (it may stop the run by throwing).
    static func read(
        breakdownFiles: [ExportFile], engagementFiles: [ExportFile], threads: Int, output: OutputFolder,
        observer: (any RunObserver)?, checkpoint: () throws -> Void
    ) throws -> ExportReading {
        let pool = StringPool()
        let rejectionWriter = RejectionWriter(try output.create("rejected.jsonl"))
        let rejections = FirstRejections(rejectionWriter)
        var rejectedFiles: [RejectedFile] = []
        var fingerprints: [InputFingerprint] = []
        var countsAfterFile: [SourceCounts] = []
        func checkWhollyRejected(_ file: ExportFile, source: String, before: SourceCounts, after: SourceCounts,
                                 otherSource: String, readsAsOther: (String) -> Bool) {
            let nonBlank = (after.lines - after.blank) - (before.lines - before.blank)
            guard nonBlank > 0, after.rejected - before.rejected == nonBlank else { return }
            let looksLike = rejections.firstRaw[file.path].map(readsAsOther) == true ? otherSource : nil
            rejectedFiles.append(RejectedFile(path: file.path, source: source, lines: nonBlank, looksLike: looksLike))
        }

        let totalBytes = (breakdownFiles + engagementFiles).reduce(0) { $0 + fileSize($1.path) }
        var bytesBefore = 0
        func report(_ bytes: Int, _ lines: Int) throws {
            try checkpoint()
            observer?.progress(bytesRead: bytesBefore + bytes, totalBytes: totalBytes, lines: lines)
        }
        func finished(_ file: ExportFile, source: String, counts: SourceCounts, digest: FileDigest) {
            fingerprints.append(digest.fingerprint(kind: source, path: file.path))
            countsAfterFile.append(counts)
            bytesBefore += fileSize(file.path)
            observer?.didRead(file: file.path, source: source, counts: counts)
        }
        var breakdownReader = ExportReader<BreakdownRow>(pool: pool, threads: threads)
        for (index, file) in breakdownFiles.enumerated() {
            let before = breakdownReader.counts
            defer {
                checkWhollyRejected(file, source: "breakdown", before: before, after: breakdownReader.counts,
                                    otherSource: "engagement") { SourceSniffer.reads($0, as: EngagementRow.self) }
            }
            let digest = try breakdownReader.read(file, index: index, rejections: rejections) { try report($0, $1) }
            finished(file, source: "breakdown", counts: breakdownReader.counts, digest: digest)
        }
        var engagementReader = ExportReader<EngagementRow>(pool: pool, threads: threads)
        for (index, file) in engagementFiles.enumerated() {
            let breakdownLines = breakdownReader.counts.lines
            let before = engagementReader.counts
            defer {
                checkWhollyRejected(file, source: "engagement", before: before, after: engagementReader.counts,
                                    otherSource: "breakdown") { SourceSniffer.reads($0, as: BreakdownRow.self) }
            }
            let digest = try engagementReader.read(file, index: breakdownFiles.count + index, rejections: rejections) {
                try report($0, breakdownLines + $1)
            }
            finished(file, source: "engagement", counts: engagementReader.counts, digest: digest)
        }
        try rejectionWriter.close()
        let breakdownConflicts = breakdownReader.conflicts
        let engagementConflicts = engagementReader.conflicts
        return ExportReading(
            pool: pool, poolCount: pool.count,
            breakdownRows: breakdownReader.finish(), engagementRows: engagementReader.finish(),
            breakdownCounts: breakdownReader.counts, engagementCounts: engagementReader.counts,
            breakdownConflicts: breakdownConflicts, engagementConflicts: engagementConflicts,
            fingerprints: fingerprints, countsAfterFile: countsAfterFile, rejectedFiles: rejectedFiles,
            rejectionsByReason: rejectionWriter.countsByReason)
    }
}
