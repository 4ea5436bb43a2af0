/// What `sql` wrote: the per-line counts of each source and the rows handed to the engine.
public struct WarehouseSummary: Sendable {
    public var dialect: SQLDialect.Name
    public var outputFolder: String
    public var breakdown = SourceCounts()
    public var engagement = SourceCounts()
    public var breakdownRows = 0
    public var engagementRows = 0
    public var catalogFiles: [CatalogSet.FileStats] = []
    public var claimedKeys = 0
}

/// `soundlink-recon sql`: the per-line work (validation and normalisation, streamed per file)
/// done here, the rest handed to an SQL engine as rows plus `recon.sql` (SPEC §11, §13).
public enum WarehouseExport {
    /// Every file an `sql` output set holds, besides the marker.
    public static let files: Set<String> = Set(WarehouseTable.all.map(\.file))
        .union(["recon.sql", "rejected.jsonl", "catalog_issues.csv"])

    /// Validates and normalises the inputs of `settings` into `settings.outputFolder`, replaced whole
    /// when it is empty or an earlier `sql` set (SPEC §13). Gates are not evaluated; `settings.mode`
    /// is ignored.
    public static func execute(
        _ settings: RunSettings, dialect: SQLDialect, observer: (any RunObserver)? = nil
    ) throws -> WarehouseSummary {
        let output = try OutputFolder(
            path: settings.outputFolder, kind: .sql, force: settings.force, inputs: settings.inputPaths)
        do {
            let summary = try execute(settings, dialect: dialect, output: output, observer: observer)
            try output.commit()
            return summary
        } catch {
            output.abandon()
            throw error
        }
    }

    private static func execute(
        _ settings: RunSettings, dialect: SQLDialect, output: OutputFolder, observer: (any RunObserver)?
    ) throws -> WarehouseSummary {
        let catalogs = try CatalogLoader.load(settings.catalogs)
        let breakdownFiles = try ExportFile.resolve(settings.breakdown)
        let engagementFiles = try ExportFile.resolve(settings.engagement)
        let allFiles = breakdownFiles + engagementFiles
        var summary = WarehouseSummary(dialect: dialect.name, outputFolder: settings.outputFolder)
        summary.catalogFiles = catalogs.files

        let fileList = try output.create(WarehouseTable.exportFiles.file)
        var line = NDJSONRow(.exportFiles)
        for (index, file) in allFiles.enumerated() {
            line.reset()
            line.integer(Int64(index))
            line.text(file.path)
            line.end()
            try fileList.write(line.bytes)
        }
        try fileList.close()

        let keys = try output.create(WarehouseTable.catalogKeys.file)
        summary.claimedKeys = try writeClaimedKeys(catalogs, to: keys)
        try keys.close()

        let rejections = RejectionWriter(try output.create("rejected.jsonl"))
        let totalBytes = allFiles.reduce(0) { $0 + fileSize($1.path) }
        var bytesBefore = 0
        var breakdown = WarehouseReader<BreakdownRow>(threads: settings.threads)
        let breakdownWriter = try output.create(WarehouseTable.breakdownRows.file)
        for (index, file) in breakdownFiles.enumerated() {
            try breakdown.read(file, index: index, into: breakdownWriter, rejections: rejections) {
                observer?.progress(bytesRead: bytesBefore + $0, totalBytes: totalBytes, lines: $1)
            }
            bytesBefore += fileSize(file.path)
            observer?.didRead(file: file.path, source: "breakdown", counts: breakdown.counts)
        }
        try breakdownWriter.close()
        var engagement = WarehouseReader<EngagementRow>(threads: settings.threads)
        let breakdownLines = breakdown.counts.lines
        let engagementWriter = try output.create(WarehouseTable.engagementRows.file)
        for (index, file) in engagementFiles.enumerated() {
            try engagement.read(
                file, index: breakdownFiles.count + index, into: engagementWriter, rejections: rejections
            ) {
                observer?.progress(bytesRead: bytesBefore + $0, totalBytes: totalBytes, lines: breakdownLines + $1)
            }
            bytesBefore += fileSize(file.path)
            observer?.didRead(file: file.path, source: "engagement", counts: engagement.counts)
        }
        try engagementWriter.close()
        try rejections.close()

        try output.write("catalog_issues.csv", bytes: CatalogIssueReport.report(catalogs, pool: StringPool()).csv)
        let sql = ReconSQL(dialect: dialect, period: settings.period, engagementContext: settings.engagementContext)
        try output.write("recon.sql", sql.script)
        summary.breakdown = breakdown.counts
        summary.engagement = engagement.counts
        summary.breakdownRows = breakdown.rows
        summary.engagementRows = engagement.rows
        return summary
    }

    /// Writes every claimed key with its entry's printed columns, ISRCs first, each in entry order.
    static func writeClaimedKeys(_ catalogs: CatalogSet, to writer: FileWriter) throws -> Int {
        var line = NDJSONRow(.catalogKeys)
        var written = 0
        for (kind, index) in [("isrc", catalogs.isrcIndex), ("spotify_id", catalogs.spotifyIndex)] {
            for (key, entryIndex) in index.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
                let entry = catalogs.entries[Int(entryIndex)]
                line.reset()
                line.text(kind)
                line.text(key)
                line.integer(Int64(entryIndex))
                line.text(entry.partner)
                line.text(entry.isrc ?? "")
                line.text(entry.spotifyTrackID ?? "")
                line.text(entry.title)
                line.text(entry.artist)
                line.end()
                try writer.write(line.bytes)
                written += 1
            }
        }
        return written
    }
}
