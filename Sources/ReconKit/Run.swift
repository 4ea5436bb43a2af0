import Dispatch
/// Hears about a run's progress; the executable decides what to print.
public protocol RunObserver: AnyObject {
    /// Export reading advanced: bytes of all export files read so far, of `totalBytes`.
    func progress(bytesRead: Int, totalBytes: Int, lines: Int)
    /// One export file has been read.
    func didRead(file: String, source: String, counts: SourceCounts)
    /// Something worth a line that does not stop the run (the re-run cache was used or set aside).
    func note(_ message: String)
}

extension RunObserver {
    public func note(_ message: String) {}
}

/// The one entry point: settings in, reports written, summary out.
public enum Run {
    /// Runs the job. Throws `ReconError` when it cannot run; gate failures are in the summary.
    public static func execute(_ settings: RunSettings, observer: (any RunObserver)? = nil) throws -> RunSummary {
        let output = try OutputFolder(
            path: settings.outputFolder, kind: settings.mode == .run ? .run : .validate, force: settings.force,
            inputs: settings.inputPaths)
        if !settings.usesCache { RerunCache.remove(besideOutput: output.path) }
        let cache = settings.usesCache ? RerunCache(output: output) { observer?.note($0) } : nil
        do {
            let inputs = try RunInputs(settings)
            let catalogLoad = BackgroundJob { [catalogs = settings.catalogs] in try loadCatalogs(catalogs, cache: cache) }
            let summary: RunSummary
            do {
                // The catalogs are recorded under the output folder's lock: before the commit.
                defer { _ = try? catalogLoad.result().storing?.result() }
                do {
                    summary = try execute(settings, inputs: inputs, catalogLoad: catalogLoad, output: output, cache: cache,
                                          reuse: true, observer: observer)
                } catch let changed as CachedExportChanged {
                    observer?.note("\(changed.path) changed since the last run: reading every export file again")
                    summary = try execute(settings, inputs: inputs, catalogLoad: catalogLoad, output: output, cache: cache,
                                          reuse: false, observer: observer)
                }
            }
            try output.commit()
            if let backup = output.backupPath {
                observer?.note("the previous contents of \(output.path) were moved aside to \(backup)")
            }
            return summary
        } catch {
            output.abandon()
            throw error
        }
    }

    /// The catalogs, and how many of them came from `cache` (the leading ones that did not change
    /// since the last run); when some were read, the job that records the set in `cache`.
    private static func loadCatalogs(_ sources: [CatalogSource], cache: RerunCache?) throws
        -> (set: CatalogSet, fromCache: Int, storing: BackgroundJob<Void>?) {
        let found = cache?.catalogs(sources)
        if let found, found.catalogs == sources.count { return (found.set, found.catalogs, nil) }
        let identities = sources.map { FileIdentity(path: $0.path) }
        let set = try CatalogLoader.load(sources, after: found?.set ?? CatalogSet())
        return (set, found?.catalogs ?? 0, cache?.store(set, sources: sources, identities: identities))
    }

    /// One attempt at the run, with the catalogs `catalogLoad` loads; with `reuse`, the exports'
    /// reading may come from `cache`, and the attempt throws `CachedExportChanged` when a file
    /// turns out to differ from the recorded one.
    private static func execute(
        _ settings: RunSettings, inputs: RunInputs,
        catalogLoad: BackgroundJob<(set: CatalogSet, fromCache: Int, storing: BackgroundJob<Void>?)>,
        output: OutputFolder, cache: RerunCache?, reuse: Bool, observer: (any RunObserver)?
    ) throws -> RunSummary {
        let (breakdownFiles, engagementFiles) = (inputs.breakdownFiles, inputs.engagementFiles)
        let (allFiles, exportFiles) = (inputs.allFiles, inputs.exportFiles)
        let (overviews, overviewFiles) = (inputs.overviews, inputs.overviewFiles)
        var storing: BackgroundJob<Void>?
        // The cache is written under the output folder's lock, which the caller releases.
        defer { _ = try? storing?.result() }
        let found = reuse ? cache?.lookup(exportFiles, breakdownFiles: breakdownFiles.count, threads: settings.threads) : nil
        let verification = found?.verification
        let identities = exportFiles.map { FileIdentity(path: $0.1.path) }
        let reading = try ExportReading.read(
            breakdownFiles: breakdownFiles, engagementFiles: engagementFiles, threads: settings.threads,
            output: output, reusing: found?.reuse, observer: observer) { try catalogLoad.checkFailure() }
        // A snapshot whose every file was taken is the one already in the cache.
        if let cache, reading.filesReused < exportFiles.count {
            let rejectedLines = try FileBytes.read(output.stagedPath("rejected.jsonl"))
            storing = cache.store(reading, rejectedLines: rejectedLines, of: exportFiles, identities: identities)
        }
        if reading.filesReused > 0 {
            observer?.note("took the rows of \(reading.filesReused) of the \(exportFiles.count) export files from the re-run cache (unchanged since the last run)")
        }
        let (catalogs, catalogsFromCache, _) = try catalogLoad.result()
        if catalogsFromCache > 0 {
            observer?.note("took \(catalogsFromCache) of the \(settings.catalogs.count) catalogs from the re-run cache (unchanged since the last run)")
        }
        let pool = reading.pool
        let (breakdownRows, engagementRows) = (reading.breakdownRows, reading.engagementRows)
        let (breakdownConflicts, engagementConflicts) = (reading.breakdownConflicts, reading.engagementConflicts)
        var breakdownCounts = reading.breakdownCounts
        var engagementCounts = reading.engagementCounts
        var reconciliation = Reconciliation(
            matcher: Matcher(catalogs: catalogs, pool: pool), period: settings.period,
            collectsUnmatched: settings.mode == .run)
        let context = settings.engagementContext.map { pool.intern($0.rawValue) }
        reconciliation.add(
            breakdown: breakdownRows, engagement: engagementRows, context: context,
            breakdownCounts: &breakdownCounts, engagementCounts: &engagementCounts, threads: settings.threads)

        // `validate` writes no reports, so it builds none (an unmatched list can be millions of lines).
        let allocation = settings.mode == .run && settings.allocatePlaylistSpend
            ? PlaylistAllocation(reconciliation, breakdown: breakdownRows, engagement: engagementRows, context: context)
            : nil
        let reports = settings.mode == .run
            ? ReportSet(reconciliation: reconciliation, allocation: allocation) : nil
        var summary = RunSummary(settings: settings)
        summary.exportFilesFromCache = reading.filesReused
        summary.catalogsFromCache = catalogsFromCache
        summary.breakdown = breakdownCounts
        summary.engagement = engagementCounts
        summary.breakdownFiles = breakdownFiles.map(\.path)
        summary.engagementFiles = engagementFiles.map(\.path)
        summary.catalogFiles = catalogs.files
        summary.catalogIssuesByKind = catalogs.issuesByKind
        summary.rejectionsByReason = RejectionReason.allCases.compactMap { reason in
            reading.rejectionsByReason[reason].map { (reason, $0) }
        }
        summary.breakdownTargets = reconciliation.breakdownTargets
        summary.engagementTargets = reconciliation.engagementTargets
        summary.engagementEngaged = reconciliation.engagementEngaged
        summary.breakdownStreams = reconciliation.breakdownStreams
        summary.engagementStreams = reconciliation.engagementStreams
        summary.currencies = reconciliation.currencies
            .map { (code: pool.string($0.key), totals: $0.value) }
            .sorted { $0.code.utf8.lexicographicallyPrecedes($1.code.utf8) }
        summary.skippedFiles = ExportFile.skipped(settings.breakdown + settings.engagement)
        summary.rejectedFiles = reading.rejectedFiles
        summary.breakdownConflicts = breakdownConflicts.values.reduce(0) { $0 + $1.count }
        summary.engagementConflicts = engagementConflicts.values.reduce(0) { $0 + $1.count }
        summary.provisionalCampaigns = Dictionary(grouping: reconciliation.provisionalDays, by: \.campaign)
            .map { ProvisionalCampaign(campaignID: pool.string($0.key), days: $0.value.map(\.day).sorted()) }
            .sorted { $0.campaignID.utf8.lexicographicallyPrecedes($1.campaignID.utf8) }
        summary.tieOut = reports?.tieOut(summary) ?? []
        summary.inputFiles = catalogs.files.compactMap(\.fingerprint) + reading.fingerprints + overviewFiles
        let tieOut = settings.overviews.isEmpty
            ? nil : TieOut(overviews: overviews, period: settings.period, rows: breakdownRows, pool: pool)
        summary.overviewTieOut = tieOut?.counts
        summary.tieOutLines = tieOut?.lines ?? []
        let rowChecks = RowChecks(rows: breakdownRows, period: settings.period, pool: pool, files: allFiles)
        summary.rowChecks = rowChecks.lines.count
        summary.gates = GateCheck.evaluate(summary)
        try IntegrityCheck.verify(summary)

        let catalogIssues = CatalogIssueReport.report(catalogs, pool: pool)
        try output.write("catalog_issues.csv", bytes: catalogIssues.csv)
        if let reports {
            // unmatched.csv, the largest report by far, is sorted and written on another thread
            // while this one writes the others. It reads the string pool, so it starts only once
            // nothing interns any more (the tie-out and the playlist allocation do).
            let unmatched = UnmatchedReport(
                reconciliation: reconciliation, breakdown: breakdownRows, engagement: engagementRows, files: allFiles)
            let (path, displayPath) = (output.stagedPath("unmatched.csv"), output.displayPath("unmatched.csv"))
            let threads = settings.threads
            let unmatchedJob = BackgroundJob {
                let writer = try FileWriter(path: path, displayPath: displayPath)
                let sorted = try unmatched.write(to: writer, threads: threads)
                try writer.close()
                return sorted
            }
            // The staging folder is not removed while the job still writes into it.
            defer { _ = try? unmatchedJob.result() }
            let (territories, tracks, partners) = (reports.territoryReport, reports.trackReport, reports.partnerReport)
            let reconciliationReport = tieOut?.report(pool: pool)
            let rowCheckReport = rowChecks.report(pool: pool, files: allFiles)
            let allocationReport = reports.playlistAllocationReport
            try output.write("territories.csv", bytes: territories.csv)
            try output.write("tracks.csv", bytes: tracks.csv)
            try output.write("partners.csv", bytes: partners.csv)
            if let reconciliationReport { try output.write("reconciliation.csv", bytes: reconciliationReport.csv) }
            try output.write("row_checks.csv", bytes: rowCheckReport.csv)
            if let allocationReport { try output.write("playlist_allocation.csv", bytes: allocationReport.csv) }
            var conflicts = ConflictReport()
            conflicts.add(source: "breakdown", rows: breakdownRows, conflicts: breakdownConflicts) { _ in
                (TextID.absent, TextID.absent)
            }
            conflicts.add(source: "engagement", rows: engagementRows, conflicts: engagementConflicts) {
                ($0.context, $0.engagedSpotifyTrackID)
            }
            try output.write("conflicts.csv", bytes: conflicts.report(pool: pool, files: allFiles.map(\.path)).csv)
            try output.write("summary.md", SummaryMarkdown.render(summary))
            // The digest only reads the pool, so it is built while unmatched.csv is still being written.
            var digest = ReportDigest(reconciliation, partners: partners)
            let sortedUnmatched = try unmatchedJob.result()
            digest.setTopUnmatched(unmatched.report(unmatched.mostSpend(sortedUnmatched, count: ReportDigest.topCount)))
            try output.write("report.html", HTMLReport.render(summary, digest))
            if settings.writesWorkbook {
                let cap = WorkbookReport.sheetCap
                var sheets = [
                    WorkbookSheet("Partners", file: "partners.csv", report: partners),
                    WorkbookSheet("Territories", file: "territories.csv", report: territories, cap: cap),
                    WorkbookSheet("Tracks", file: "tracks.csv", report: tracks, cap: cap),
                    WorkbookSheet("Unmatched", file: "unmatched.csv", report: unmatched.report(sortedUnmatched), cap: cap),
                    WorkbookSheet("Catalog issues", file: "catalog_issues.csv", report: catalogIssues, cap: cap),
                ]
                if let reconciliationReport {
                    sheets.append(WorkbookSheet("Reconciliation", file: "reconciliation.csv", report: reconciliationReport))
                }
                sheets.append(WorkbookSheet("Row checks", file: "row_checks.csv", report: rowCheckReport))
                if let allocationReport {
                    sheets.append(WorkbookSheet("Playlist allocation", file: "playlist_allocation.csv", report: allocationReport))
                }
                try WorkbookReport.write(path: output.stagedPath("report.xlsx"), displayPath: output.displayPath("report.xlsx"),
                                         summary: summary, sheets: sheets)
            }
        }
        try output.write("summary.json", SummaryJSON.render(summary).rendered() + "\n")
        try verification?.wait()
        releaseInBackground(catalogLoad, catalogs, reading)
        return summary
    }

    /// Drops the last references to a run's large structures on another thread: freeing the
    /// catalog index and millions of rows takes a noticeable moment, which the caller (and a
    /// command line about to exit) need not wait for.
    private static func releaseInBackground(_ values: any Sendable...) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(values) {} }
    }
}
