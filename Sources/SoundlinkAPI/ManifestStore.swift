import ReconKit

/// The manifest, rewritten atomically after every window.
actor ManifestStore {
    let folder: String
    private var manifest: Manifest

    init(folder: String, manifest: Manifest) {
        self.folder = folder
        self.manifest = manifest
    }

    func isFinal(campaign: String, window: FetchWindow, paginated: Bool, context: EngagementContext?) -> Bool {
        manifest.isFinal(campaign: campaign, window: window, paginated: paginated, context: context, folder: folder)
    }

    func record(_ entries: [Manifest.Entry]) throws {
        manifest.record(entries)
        try TemporaryFile.replace(folder + "/" + Manifest.fileName, with: try manifest.encoded())
    }
}
