/// What the command line said, before the config file and defaults are merged in:
/// nil or empty means "not given".
public struct CommandLineSettings: Sendable, Equatable {
    public var catalogs: [CatalogSource] = []
    public var breakdown: [String] = []
    public var engagement: [String] = []
    public var overviews: [String] = []
    public var period: Period?
    public var engagementContext: EngagementContext?
    public var outputFolder: String?
    public var maxUnmatchedRate: Rate?
    public var requireFinal = false
    public var strict = false
    public var requireTieOut = false
    public var allowEmpty = false
    public var allocatePlaylistSpend = false
    public var noWorkbook = false
    public var noCache = false
    public var force = false
    public var threads: Int?

    public init() {}
}
