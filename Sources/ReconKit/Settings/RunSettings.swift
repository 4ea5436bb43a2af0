/// `catalog` or `playlist` engagement rows.
public enum EngagementContext: String, CaseIterable, Sendable {
    case catalog
    case playlist
}

/// Everything one run needs, built once from the command line and the config file.
public struct RunSettings: Sendable, Equatable {
    /// `run` writes every report; `validate` only reads, checks and writes the summary,
    /// catalog issues and rejected lines.
    public enum Mode: String, Sendable { case run, validate }

    public var mode: Mode = .run
    public var catalogs: [CatalogSource] = []
    public var breakdown: [String] = []
    public var engagement: [String] = []
    /// Overview files or folders of them, for the tie-out (SPEC §10).
    public var overviews: [String] = []
    public var period = Period.all
    public var engagementContext: EngagementContext?
    public var outputFolder = "recon-out"
    /// Replace an output folder that does not hold a previous output set.
    public var force = false
    public var gates = Gates()
    /// Threads that parse export lines; the reports do not depend on it.
    public var threads = 1
    /// Split playlist campaigns' spend over the tracks streamed in them (SPEC §12).
    public var allocatePlaylistSpend = false
    /// Write `report.xlsx` (`--no-workbook` turns it off).
    public var writesWorkbook = true
    /// Read and write the re-run cache beside the output folder (`--no-cache` turns it off and
    /// removes an existing one).
    public var usesCache = true

    public init() {}
}
