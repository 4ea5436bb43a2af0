import ArgumentParser
import Foundation
import ReconKit

extension EngagementContext: ExpressibleByArgument {}

/// The options shared by `run` and `validate`.
struct JobOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "JSON configuration file. Catalogs and exports given on the command line are added to its own; a period, --out, --engagement-context or --max-unmatched-rate replaces its value; gate flags turn gates on.",
        valueName: "file"))
    var config: String?

    @Option(name: .customLong("catalog"),
            help: ArgumentHelp("Partner catalog CSV, repeatable, in priority order. NAME defaults to the file stem.",
                               valueName: "[NAME=]PATH"))
    var catalogs: [String] = []

    @Option(help: ArgumentHelp("Breakdown export (.jsonl, .jsonl.gz) or a folder of them; repeatable.", valueName: "path"))
    var breakdown: [String] = []

    @Option(help: ArgumentHelp("Engagement export (.jsonl, .jsonl.gz) or a folder of them; repeatable.", valueName: "path"))
    var engagement: [String] = []

    @Option(help: ArgumentHelp(
        "Soundlink overview file (overview_{campaignId}_{start}_{end}.json) or a folder of them; repeatable. "
            + "Ties each window out against the breakdown rows (reconciliation.csv).",
        valueName: "path"))
    var overview: [String] = []

    @Option(help: ArgumentHelp("Keep only rows of this month.", valueName: "YYYY-MM"))
    var month: String?

    @Option(help: ArgumentHelp("First day of the period (inclusive).", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the period (inclusive).", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: "Keep only engagement rows of this context.")
    var engagementContext: EngagementContext?

    @Option(help: ArgumentHelp("Output folder, replaced as a whole (default ./recon-out).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Gate: unmatched share of breakdown spend_total, per currency, at most R (0..1).",
                               valueName: "R"))
    var maxUnmatchedRate: String?

    @Flag(help: "Gate: no provisional row in the period.")
    var requireFinal = false

    @Flag(help: "Gate: no rejected line.")
    var strict = false

    @Flag(help: "Gate: every overview window ties out (no mismatch line in reconciliation.csv); needs --overview.")
    var requireTieOut = false

    @Flag(help: "Split each playlist campaign's spend over the tracks streamed in it (playlist_allocation.csv).")
    var allocatePlaylistSpend = false

    @Flag(help: "Do not write report.xlsx.")
    var noWorkbook = false

    @Flag(help: """
        Neither read nor write the re-run cache (.DIR.cache beside --out: the rows read from the \
        export files, reused for the files that did not change, and the catalogs as loaded, reused \
        when none changed), and remove an existing one. The reports are the same either way.
        """)
    var noCache = false

    @Flag(help: """
        Gate off: by default a run fails (exit 3, gate nothing_kept) when it keeps no breakdown row, \
        or when every non-blank line of an export file was rejected.
        """)
    var allowEmpty = false

    @Flag(help: """
        When --out holds something other than an empty folder or this command's own previous output \
        set, move it aside whole to DIR.previous (or DIR.previous-2, …) and write the new set; \
        nothing is deleted.
        """)
    var force = false

    @Option(help: ArgumentHelp(
        "Threads parsing exports and formatting unmatched.csv (default: one per core); the reports are the same for any value.",
        valueName: "n"))
    var threads: Int?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print counts per file read.")
    var verbose = false

    func validate() throws {
        _ = try PeriodArguments.period(month: month, from: from, to: to)
        if quiet, verbose { throw ValidationError("--quiet and --verbose cannot be combined.") }
        if requireTieOut, overview.isEmpty, config == nil {
            throw ValidationError("--require-tie-out needs --overview.")
        }
        if let threads, !(1...64).contains(threads) { throw ValidationError("--threads must be from 1 to 64.") }
        // Without a config file the inputs are known here, so the usage shown is this command's;
        // with one, `settings(mode:)` checks them after the merge.
        if config == nil {
            try Self.checkInputs(hasCatalog: !catalogs.isEmpty, hasExport: !breakdown.isEmpty || !engagement.isEmpty)
        }
        if out?.isEmpty == true { throw ValidationError("--out needs a folder name, not an empty string.") }
        if let maxUnmatchedRate, Rate.limit(maxUnmatchedRate) == nil {
            throw ValidationError("--max-unmatched-rate '\(maxUnmatchedRate)' must be a number from 0 to 1.")
        }
    }

    /// What the command line says, parsed into library values.
    func commandLine() throws -> CommandLineSettings {
        var line = CommandLineSettings()
        line.catalogs = catalogs.map(CatalogSource.init(argument:))
        line.breakdown = breakdown
        line.engagement = engagement
        line.overviews = overview
        line.period = try PeriodArguments.period(month: month, from: from, to: to)
        line.engagementContext = engagementContext
        line.outputFolder = out
        line.maxUnmatchedRate = maxUnmatchedRate.flatMap(Rate.limit)
        line.requireFinal = requireFinal
        line.strict = strict
        line.requireTieOut = requireTieOut
        line.allowEmpty = allowEmpty
        line.allocatePlaylistSpend = allocatePlaylistSpend
        line.noWorkbook = noWorkbook
        line.noCache = noCache
        line.force = force
        line.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        return line
    }

    /// The error's line for stderr. A relative path that does not exist and was not given on the
    /// command line came from the config file; the usual cause is running from another folder, so
    /// the line says where such paths are looked up.
    func describe(_ error: ReconError) -> String {
        guard case let .unreadable(path, _) = error, config != nil, !path.hasPrefix("/"),
              !FileManager.default.fileExists(atPath: path)
        else { return error.description }
        let given = catalogs.map { CatalogSource(argument: $0).path } + breakdown + engagement + overview
        guard !given.contains(path) else { return error.description }
        return error.description + " (paths in the --config file are relative to the working directory, "
            + FileManager.default.currentDirectoryPath + ", not to the file)"
    }

    /// A job needs a catalog and an export: the usage error that says which is missing.
    private static func checkInputs(hasCatalog: Bool, hasExport: Bool) throws {
        if !hasCatalog {
            throw ValidationError("No catalog: give --catalog [NAME=]PATH, or 'catalogs' in the --config file.")
        }
        if !hasExport {
            throw ValidationError("No export: give --breakdown or --engagement, or 'breakdown'/'engagement' in the --config file.")
        }
    }

    /// Defaults, then the config file, then the command line (the rule lives in `RunSettings.merge`).
    /// A job with no catalog or no export is a usage error.
    func settings(mode: RunSettings.Mode) throws -> (settings: RunSettings, notes: [String]) {
        let file = try config.map(ConfigFile.load)
        let merged = try RunSettings.merge(mode: mode, config: file, configPath: config, commandLine: try commandLine())
        try Self.checkInputs(hasCatalog: !merged.settings.catalogs.isEmpty,
                             hasExport: !merged.settings.breakdown.isEmpty || !merged.settings.engagement.isEmpty)
        if merged.settings.gates.requireTieOut, merged.settings.overviews.isEmpty {
            throw ValidationError("--require-tie-out needs --overview (on the command line or in the config file).")
        }
        return merged
    }
}
