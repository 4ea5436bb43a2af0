/// An `ExportReading` in the re-run cache: every part written raw by `SnapshotWriter`, in the
/// order `read(from:)` reads it back.
extension ExportReading {
    /// Writes everything but the pool, whose texts (up to the ids handed out while reading) the
    /// caller copied into `poolStorage`, so that the run may go on adding to the pool meanwhile.
    func write(to snapshot: SnapshotWriter, poolStorage: (arena: [UInt8], starts: [Int])) {
        snapshot.array(poolStorage.arena)
        snapshot.array(poolStorage.starts)
        Self.write(breakdownRows, to: snapshot)
        Self.write(engagementRows, to: snapshot)
        snapshot.value(breakdownCounts)
        snapshot.value(engagementCounts)
        Self.write(breakdownConflicts, to: snapshot)
        Self.write(engagementConflicts, to: snapshot)
        snapshot.value(fingerprints.count)
        for fingerprint in fingerprints { fingerprint.write(to: snapshot) }
        snapshot.array(checkpoints)
        snapshot.array(fileRejections.flatMap(Self.reasonCounts))
        snapshot.value(rejectedFiles.count)
        for file in rejectedFiles {
            snapshot.text(file.path)
            snapshot.text(file.source)
            snapshot.value(file.lines)
            snapshot.text(file.looksLike ?? "")
        }
        snapshot.array(Self.reasonCounts(rejectionsByReason))
    }

    /// A count for every reason, in `RejectionReason.allCases` order (nil for reasons never seen).
    private static func reasonCounts(_ counts: [RejectionReason: Int]) -> [Int] {
        RejectionReason.allCases.map { counts[$0] ?? -1 }
    }

    private static func reasons(_ counts: ArraySlice<Int>) throws(SnapshotDamaged) -> [RejectionReason: Int] {
        guard counts.count == RejectionReason.allCases.count else { throw SnapshotDamaged() }
        var reasons: [RejectionReason: Int] = [:]
        for (reason, count) in zip(RejectionReason.allCases, counts) where count >= 0 { reasons[reason] = count }
        return reasons
    }

    /// Reads back what `write(to:)` wrote. The caller checks the snapshot's checksum
    /// (`SnapshotReader.finish`) before using the result.
    static func read(from snapshot: SnapshotReader) throws(SnapshotDamaged) -> ExportReading {
        let arena: [UInt8] = try snapshot.array()
        guard let pool = StringPool(arena: arena, starts: try snapshot.array()) else { throw SnapshotDamaged() }
        let breakdownRows = try readRows(BreakdownRow.self, from: snapshot)
        let engagementRows = try readRows(EngagementRow.self, from: snapshot)
        let breakdownCounts: SourceCounts = try snapshot.value()
        let engagementCounts: SourceCounts = try snapshot.value()
        let breakdownConflicts = try readConflicts(from: snapshot)
        let engagementConflicts = try readConflicts(from: snapshot)
        var fingerprints: [InputFingerprint] = []
        for _ in 0..<(try snapshot.count()) {
            fingerprints.append(try InputFingerprint(from: snapshot))
        }
        let checkpoints: [FileCheckpoint] = try snapshot.array()
        let perFile: [Int] = try snapshot.array()
        let width = RejectionReason.allCases.count
        guard perFile.count == checkpoints.count * width else { throw SnapshotDamaged() }
        var fileRejections: [[RejectionReason: Int]] = []
        for start in stride(from: 0, to: perFile.count, by: width) {
            fileRejections.append(try reasons(perFile[start..<(start + width)]))
        }
        var rejectedFiles: [RejectedFile] = []
        for _ in 0..<(try snapshot.count()) {
            let (path, source, lines, looksLike) = (try snapshot.text(), try snapshot.text(), try snapshot.value(Int.self),
                                                   try snapshot.text())
            rejectedFiles.append(RejectedFile(path: path, source: source, lines: lines, looksLike: looksLike.isEmpty ? nil : looksLike))
        }
        let rejectionsByReason = try reasons(try snapshot.array()[...])
        return ExportReading(
            pool: pool, poolCount: pool.count, breakdownRows: breakdownRows, engagementRows: engagementRows,
            breakdownCounts: breakdownCounts, engagementCounts: engagementCounts,
            breakdownConflicts: breakdownConflicts, engagementConflicts: engagementConflicts,
            fingerprints: fingerprints, checkpoints: checkpoints, fileRejections: fileRejections, rejectedFiles: rejectedFiles,
            rejectionsByReason: rejectionsByReason)
    }

    private static func write<Row: ExportRow>(_ rows: ChunkedRows<Row>, to snapshot: SnapshotWriter) {
        rows.packing.write(to: snapshot)
        snapshot.value(rows.chunks.count)
        for chunk in rows.chunks { snapshot.array(chunk) }
    }

    private static func readRows<Row: ExportRow>(_: Row.Type, from snapshot: SnapshotReader) throws(SnapshotDamaged) -> ChunkedRows<Row> {
        let packing = try Row.Packing(from: snapshot)
        var chunks: [[Row.Packing.Packed]] = []
        for _ in 0..<(try snapshot.count()) { chunks.append(try snapshot.array()) }
        guard let rows = ChunkedRows<Row>(chunks: chunks, packing: packing) else { throw SnapshotDamaged() }
        return rows
    }

    private static func write(_ conflicts: [Int: [RowOrigin]], to snapshot: SnapshotWriter) {
        let positions = conflicts.keys.sorted()
        snapshot.array(positions)
        for position in positions { snapshot.array(conflicts[position]!) }
    }

    private static func readConflicts(from snapshot: SnapshotReader) throws(SnapshotDamaged) -> [Int: [RowOrigin]] {
        var conflicts: [Int: [RowOrigin]] = [:]
        for position in try snapshot.array(Int.self) { conflicts[position] = try snapshot.array() }
        return conflicts
    }
}
