/// What a run resolves before it reads anything large: the export files of each source, and
/// the overviews, which are small and read first, so that a bad one stops the job before the
/// exports are read (or a catalog loaded).
struct RunInputs {
    let breakdownFiles: [ExportFile]
    let engagementFiles: [ExportFile]
    let overviews: [Overview]
    /// The fingerprint of each overview file as read.
    let overviewFiles: [InputFingerprint]

    init(_ settings: RunSettings) throws {
        breakdownFiles = try ExportFile.resolve(settings.breakdown)
        engagementFiles = try ExportFile.resolve(settings.engagement)
        var fingerprints: [InputFingerprint] = []
        overviews = try OverviewFile.resolve(settings.overviews).map { path in
            let digest = FileDigest()
            let overview = try OverviewFile.read(path, digest: digest)
            fingerprints.append(digest.fingerprint(kind: "overview", path: path))
            return overview
        }
        overviewFiles = fingerprints
    }

    /// Breakdown files first, then engagement files.
    var allFiles: [ExportFile] { breakdownFiles + engagementFiles }

    /// Every export file with its source's name, in the order of `allFiles`.
    var exportFiles: [(kind: String, file: ExportFile)] {
        breakdownFiles.map { ("breakdown", $0) } + engagementFiles.map { ("engagement", $0) }
    }
}
