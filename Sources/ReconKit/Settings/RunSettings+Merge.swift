/// How the command line and the config file combine (README, "Config file and command line"):
///
/// | setting                                   | command line given                         |
/// |-------------------------------------------|--------------------------------------------|
/// | catalogs, breakdown, engagement, overview | added after the config file's              |
/// | period (`--month`, `--from`, `--to`)      | replaces the config file's period (a note) |
/// | out, engagement context, unmatched rate   | replaces the config file's value           |
/// | require-final, strict, require-tie-out    | turned on (the config file cannot undo it) |
/// | allocate-playlist-spend                   | turned on (the config file cannot undo it) |
/// | no-workbook                               | command line only                          |
extension RunSettings {
    /// Defaults, then the config file, then the command line; `notes` says where the
    /// command line replaced something the config file set.
    public static func merge(
        mode: Mode, config: ConfigFile?, configPath: String?, commandLine: CommandLineSettings
    ) throws -> (settings: RunSettings, notes: [String]) {
        var settings = RunSettings()
        var notes: [String] = []
        settings.mode = mode
        if let config, let configPath {
            settings.catalogs = config.catalogs ?? []
            settings.breakdown = config.breakdown ?? []
            settings.engagement = config.engagement ?? []
            settings.overviews = config.overview ?? []
            settings.period = try configPeriod(config, path: configPath)
            settings.engagementContext = config.engagementContext
            settings.outputFolder = config.out ?? settings.outputFolder
            settings.gates = Gates(maxUnmatchedRate: config.maxUnmatchedRate, requireFinal: config.requireFinal ?? false,
                                   strict: config.strict ?? false, requireTieOut: config.requireTieOut ?? false)
        }
        settings.catalogs += commandLine.catalogs
        settings.breakdown += commandLine.breakdown
        settings.engagement += commandLine.engagement
        settings.overviews += commandLine.overviews
        if let period = commandLine.period {
            if settings.period != .all, settings.period != period {
                notes.append("the command line's period \(period.description) replaces the config file's \(settings.period.description)")
            }
            settings.period = period
        }
        settings.engagementContext = commandLine.engagementContext ?? settings.engagementContext
        settings.outputFolder = commandLine.outputFolder ?? settings.outputFolder
        settings.gates.maxUnmatchedRate = commandLine.maxUnmatchedRate ?? settings.gates.maxUnmatchedRate
        settings.gates.requireFinal = settings.gates.requireFinal || commandLine.requireFinal
        settings.gates.strict = settings.gates.strict || commandLine.strict
        settings.gates.requireTieOut = settings.gates.requireTieOut || commandLine.requireTieOut
        settings.gates.allowEmpty = commandLine.allowEmpty
        settings.allocatePlaylistSpend = (config?.allocatePlaylistSpend ?? false) || commandLine.allocatePlaylistSpend
        settings.writesWorkbook = !commandLine.noWorkbook
        settings.usesCache = !commandLine.noCache
        settings.force = commandLine.force
        settings.threads = commandLine.threads ?? settings.threads
        return (settings, notes)
    }

    /// The config file's `month` or `from`/`to`; an invalid or inverted period names the key.
    private static func configPeriod(_ config: ConfigFile, path: String) throws -> Period {
        if let month = config.month {
            guard config.from == nil, config.to == nil else {
                throw ReconError.config(path: path, key: "month", reason: "cannot be combined with 'from' or 'to'")
            }
            guard let period = Period(month: month) else {
                throw ReconError.config(path: path, key: "month", reason: "'\(month)' is not a valid YYYY-MM month")
            }
            return period
        }
        func day(_ text: String?, _ key: String) throws -> CalendarDay? {
            guard let text else { return nil }
            guard let day = CalendarDay(text) else {
                throw ReconError.config(path: path, key: key, reason: "'\(text)' is not a valid YYYY-MM-DD date")
            }
            return day
        }
        let period = Period(from: try day(config.from, "from"), to: try day(config.to, "to"))
        if period.isInverted {
            throw ReconError.config(path: path, key: "to", reason: "'\(config.to ?? "")' is before 'from' '\(config.from ?? "")'")
        }
        return period
    }

    /// Every path the job reads: an output folder must not be or hold one of them.
    public var inputPaths: [String] {
        catalogs.map(\.path) + breakdown + engagement + overviews
    }
}
