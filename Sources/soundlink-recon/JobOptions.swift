import ArgumentParser
import Foundation
import ReconKit

extension EngagementContext: ExpressibleByArgument {}

/// The options shared by `run` and `validate`.
struct JobOptions: ParsableArguments {
    @Option(help: ArgumentHelp("JSON configuration file; command-line options override it.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("catalog"),
            help: ArgumentHelp("Partner catalog CSV, repeatable, in priority order. NAME defaults to the file stem.",
                               valueName: "[NAME=]PATH"))
    var catalogs: [String] = []

    @Option(help: ArgumentHelp("Breakdown export (.jsonl, .jsonl.gz) or a folder of them; repeatable.", valueName: "path"))
    var breakdown: [String] = []

    @Option(help: ArgumentHelp("Engagement export (.jsonl, .jsonl.gz) or a folder of them; repeatable.", valueName: "path"))
    var engagement: [String] = []

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

    @Flag(help: "Split each playlist campaign's spend over the tracks streamed in it (playlist_allocation.csv).")
    var allocatePlaylistSpend = false

    @Flag(help: "Do not write report.xlsx.")
    var noWorkbook = false

    @Flag(help: "Replace --out even when it holds files that are not a previous output set.")
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
        if month != nil, from != nil || to != nil {
            throw ValidationError("--month cannot be combined with --from or --to.")
        }
        if quiet, verbose { throw ValidationError("--quiet and --verbose cannot be combined.") }
        if let threads, !(1...64).contains(threads) { throw ValidationError("--threads must be from 1 to 64.") }
        if let month, Period(month: month) == nil {
            throw ValidationError("--month '\(month)' is not a valid YYYY-MM month.")
        }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, CalendarDay(value) == nil {
                throw ValidationError("\(name) '\(value)' is not a valid YYYY-MM-DD date.")
            }
        }
        if let maxUnmatchedRate, rate(maxUnmatchedRate) == nil {
            throw ValidationError("--max-unmatched-rate '\(maxUnmatchedRate)' must be a number from 0 to 1.")
        }
    }

    private func rate(_ text: String) -> Rate? {
        guard let rate = Rate.parse(text), rate.millionths >= 0, rate.millionths <= 1_000_000 else { return nil }
        return rate
    }

    /// Defaults, then the config file, then the command line.
    func settings(mode: RunSettings.Mode) throws -> RunSettings {
        var settings = RunSettings()
        settings.mode = mode
        if let config {
            let file = try ConfigFile.load(config)
            settings.catalogs = file.catalogs ?? []
            settings.breakdown = file.breakdown ?? []
            settings.engagement = file.engagement ?? []
            settings.period = try period(month: file.month, from: file.from, to: file.to, source: config)
            settings.engagementContext = file.engagementContext
            settings.outputFolder = file.out ?? settings.outputFolder
            settings.gates = Gates(maxUnmatchedRate: file.maxUnmatchedRate, requireFinal: file.requireFinal ?? false,
                                   strict: file.strict ?? false)
            settings.allocatePlaylistSpend = file.allocatePlaylistSpend ?? false
        }
        if !catalogs.isEmpty { settings.catalogs = catalogs.map(CatalogSource.init(argument:)) }
        if !breakdown.isEmpty { settings.breakdown = breakdown }
        if !engagement.isEmpty { settings.engagement = engagement }
        if month != nil || from != nil || to != nil {
            settings.period = try period(month: month, from: from, to: to, source: "command line")
        }
        settings.engagementContext = engagementContext ?? settings.engagementContext
        settings.outputFolder = out ?? settings.outputFolder
        settings.gates.maxUnmatchedRate = maxUnmatchedRate.flatMap(rate) ?? settings.gates.maxUnmatchedRate
        settings.gates.requireFinal = settings.gates.requireFinal || requireFinal
        settings.gates.strict = settings.gates.strict || strict
        settings.allocatePlaylistSpend = settings.allocatePlaylistSpend || allocatePlaylistSpend
        settings.writesWorkbook = !noWorkbook
        settings.force = force
        settings.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        return settings
    }

    private func period(month: String?, from: String?, to: String?, source: String) throws -> Period {
        if let month {
            guard let period = Period(month: month) else {
                throw ReconError.config(path: source, key: "month", reason: "'\(month)' is not a valid YYYY-MM month")
            }
            return period
        }
        func day(_ text: String?, _ key: String) throws -> CalendarDay? {
            guard let text else { return nil }
            guard let day = CalendarDay(text) else {
                throw ReconError.config(path: source, key: key, reason: "'\(text)' is not a valid YYYY-MM-DD date")
            }
            return day
        }
        return Period(from: try day(from, "from"), to: try day(to, "to"))
    }
}
