/// What reading a run's export files gave: the kept rows of both sources with their counts and
/// `exported_at` conflicts, the files' fingerprints, and what was rejected. Everything the rest
/// of a run needs from the exports, so that it can also come from the re-run cache.
struct ExportReading {
    let pool: StringPool
    /// Ids below this were handed out while reading (matching adds the normalised identifiers).
    var poolCount: Int
    var breakdownRows: ChunkedRows<BreakdownRow>
    var engagementRows: ChunkedRows<EngagementRow>
    var breakdownCounts: SourceCounts
    var engagementCounts: SourceCounts
    var breakdownConflicts: [Int: [RowOrigin]]
    var engagementConflicts: [Int: [RowOrigin]]
    /// The export files' sizes and SHA-256, breakdown files first, in read order.
    var fingerprints: [InputFingerprint]
    /// Where reading stood after each file, in read order.
    var checkpoints: [FileCheckpoint]
    /// The rejections of each file per reason, in read order.
    var fileRejections: [[RejectionReason: Int]]
    var rejectedFiles: [RejectedFile]
    var rejectionsByReason: [RejectionReason: Int]
    /// Files whose rows came from the re-run cache.
    var filesReused = 0

    /// Reads `breakdownFiles`, then `engagementFiles`, writing `rejected.jsonl` into `output`;
    /// the first files of each source come from `reusing` when it holds them. `checkpoint` is
    /// called as reading goes on (it may stop the run by throwing).
    static func read(
        breakdownFiles: [ExportFile], engagementFiles: [ExportFile], threads: Int, output: OutputFolder,
        reusing cached: ReusableReading? = nil, observer: (any RunObserver)?, checkpoint: () throws -> Void
    ) throws -> ExportReading {
        let pool = cached?.reading.pool ?? StringPool()
        let rejectionWriter = RejectionWriter(try output.create("rejected.jsonl"))
        let rejections = FirstRejections(rejectionWriter)
        var rejectedFiles: [RejectedFile] = []
        var fingerprints: [InputFingerprint] = []
        var checkpoints: [FileCheckpoint] = []
        var fileRejections: [[RejectionReason: Int]] = []
        var filesReused = 0
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
        /// Reads `file` (global `index`) with `reader`, or takes it from the cache.
        func read<Row: ExportRow>(
            _ file: ExportFile, index: Int, source: String, reuse: Bool, reader: inout ExportReader<Row>,
            otherSource: String, readsAsOther: (String) -> Bool, linesBefore: Int
        ) throws {
            let rejectedBefore = rejectionWriter.bytesWritten
            let reasonsBefore = rejectionWriter.countsByReason
            if reuse, let cached {
                let old = cached.oldIndex(index, breakdownFiles: breakdownFiles.count)
                try rejectionWriter.replay(cached.rejectedLines(ofFile: old), countsByReason: cached.reading.fileRejections[old])
                fingerprints.append(cached.reading.fingerprints[old])
                checkpoints.append(cached.reading.checkpoints[old])
                // One entry per reading of a wholly rejected file: a file given twice has two equal entries.
                if let entry = cached.reading.rejectedFiles.first(where: { $0.path == file.path && $0.source == source }) {
                    rejectedFiles.append(entry)
                }
                filesReused += 1
            } else {
                let before = reader.counts
                let digest = try reader.read(file, index: index, rejections: rejections) { try report($0, linesBefore + $1) }
                checkWhollyRejected(file, source: source, before: before, after: reader.counts,
                                    otherSource: otherSource, readsAsOther: readsAsOther)
                fingerprints.append(digest.fingerprint(kind: source, path: file.path))
                checkpoints.append(FileCheckpoint(
                    counts: reader.counts, keptRows: reader.table.rows.count,
                    earliestReplacedFile: reader.earliestReplacedFile, rejectedBytes: rejectionWriter.bytesWritten - rejectedBefore))
            }
            var added: [RejectionReason: Int] = [:]
            for (reason, count) in rejectionWriter.countsByReason where count != reasonsBefore[reason] ?? 0 {
                added[reason] = count - (reasonsBefore[reason] ?? 0)
            }
            fileRejections.append(added)
            bytesBefore += fileSize(file.path)
            observer?.didRead(file: file.path, source: source, counts: checkpoints[checkpoints.count - 1].counts)
        }

        var breakdownReader = cached?.resumedBreakdown(threads: threads) ?? ExportReader<BreakdownRow>(pool: pool, threads: threads)
        for (index, file) in breakdownFiles.enumerated() {
            try read(file, index: index, source: "breakdown", reuse: index < cached?.breakdownFiles ?? 0,
                     reader: &breakdownReader, otherSource: "engagement",
                     readsAsOther: { SourceSniffer.reads($0, as: EngagementRow.self) }, linesBefore: 0)
        }
        var engagementReader = cached?.resumedEngagement(threads: threads) ?? ExportReader<EngagementRow>(pool: pool, threads: threads)
        let breakdownLines = breakdownReader.counts.lines
        for (index, file) in engagementFiles.enumerated() {
            try read(file, index: breakdownFiles.count + index, source: "engagement", reuse: index < cached?.engagementFiles ?? 0,
                     reader: &engagementReader, otherSource: "breakdown",
                     readsAsOther: { SourceSniffer.reads($0, as: BreakdownRow.self) }, linesBefore: breakdownLines)
        }
        try rejectionWriter.close()
        let breakdownConflicts = breakdownReader.conflicts
        let engagementConflicts = engagementReader.conflicts
        return ExportReading(
            pool: pool, poolCount: pool.count,
            breakdownRows: breakdownReader.finish(), engagementRows: engagementReader.finish(),
            breakdownCounts: breakdownReader.counts, engagementCounts: engagementReader.counts,
            breakdownConflicts: breakdownConflicts, engagementConflicts: engagementConflicts,
            fingerprints: fingerprints, checkpoints: checkpoints, fileRejections: fileRejections,
            rejectedFiles: rejectedFiles, rejectionsByReason: rejectionWriter.countsByReason, filesReused: filesReused)
    }
}

/// Where reading stood after one export file: what the re-run cache needs to take the files
/// up to it from a snapshot. Plain values only.
struct FileCheckpoint: Equatable {
    /// The counts of the file's source after it.
    var counts: SourceCounts
    /// Kept rows of the file's source after it.
    var keptRows: Int
    /// The smallest index of an earlier file whose kept row a row of this file replaced (`Int.max`: none).
    var earliestReplacedFile: Int
    /// Bytes this file added to `rejected.jsonl`.
    var rejectedBytes: Int
}
