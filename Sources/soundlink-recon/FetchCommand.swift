import ArgumentParser
import Foundation
import ReconKit
import SoundlinkAPI

/// `soundlink-recon fetch`: pull the exports and overviews of a period from the Soundlink API.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download the breakdown and engagement exports and the overviews of a period into --out.",
        discussion: """
            The API key is read from the environment variable SOUNDLINK_API_KEY only; it is never printed or \
            written. The period is cut into windows of at most 90 days; each campaign window gives \
            breakdown/breakdown_{id}_{start}_{end}.jsonl, engagement/engagement_{id}_{start}_{end}.jsonl and \
            overview/overview_{id}_{start}_{end}.json, and manifest.json records them. A window whose rows can no \
            longer change is final and never asked for again; every other window is fetched again on the next run.

            Exit codes: 0 every window fetched; 1 a window failed (the others are kept; run again to resume), the \
            key was refused, or the job could not run.
            """
    )

    @Option(help: ArgumentHelp("Folder that accumulates the fetched files (config: fetch.out).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Fetch this month (UTC dates).", valueName: "YYYY-MM"))
    var month: String?

    @Option(help: ArgumentHelp("First day of the period (inclusive); needs --to.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the period (inclusive); needs --from.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(name: .customLong("campaign"),
            help: ArgumentHelp("Fetch this campaign only, repeatable; without it every campaign of the organisation is listed and fetched (config: fetch.campaigns).",
                               valueName: "id"))
    var campaigns: [String] = []

    @Option(help: "Ask the engagement export for this context only (config: fetch.engagement_context).")
    var engagementContext: EngagementContext?

    @Flag(help: "Read the breakdown through the paginated endpoint instead of the export.")
    var paginated = false

    @Option(help: ArgumentHelp("API base URL (config: fetch.base_url; default $SOUNDLINK_BASE_URL, else https://api.getsoundlink.com).",
                               valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("At most N requests in any 60 seconds (config: fetch.requests_per_minute; default 60).",
                               valueName: "n"))
    var requestsPerMinute: Int?

    @Option(help: ArgumentHelp("At most N requests in any hour (config: fetch.requests_per_hour; default 600).", valueName: "n"))
    var requestsPerHour: Int?

    @Option(help: ArgumentHelp("Attempts per request, the first included (config: fetch.max_attempts; default 6).",
                               valueName: "n"))
    var maxAttempts: Int?

    @Option(help: ArgumentHelp("Seconds allowed to connect (default 30).", valueName: "seconds"))
    var connectTimeout: Double?

    @Option(help: ArgumentHelp("Seconds a response may stay silent before the attempt fails (default 60).",
                               valueName: "seconds"))
    var idleTimeout: Double?

    @Option(help: ArgumentHelp("First back-off delay in seconds, doubling per attempt (default 1); the 60 s cap and the wait after a 429 without Retry-After scale with it.",
                               valueName: "seconds"))
    var retryBase: Double?

    @Option(help: ArgumentHelp("Windows fetched at once, within the request limits (default 2).", valueName: "n"))
    var parallel: Int?

    @Option(help: ArgumentHelp("JSON configuration file; fetch reads only its \"fetch\" object.", valueName: "file"))
    var config: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print one line per window.")
    var verbose = false

    func validate() throws {
        if quiet, verbose { throw ValidationError("--quiet and --verbose cannot be combined.") }
        _ = try closedPeriod()
        for (name, value) in [("--requests-per-minute", requestsPerMinute), ("--requests-per-hour", requestsPerHour),
                              ("--max-attempts", maxAttempts), ("--parallel", parallel)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1.") }
        }
        for (name, value) in [("--connect-timeout", connectTimeout), ("--idle-timeout", idleTimeout), ("--retry-base", retryBase)] {
            if let value, !(value > 0 && value <= 86_400) { throw ValidationError("\(name) must be a number of seconds above 0.") }
        }
    }

    /// The period to fetch: both ends are needed, so that a later re-fetch asks for the same windows.
    private func closedPeriod() throws -> (from: CalendarDay, to: CalendarDay) {
        guard month != nil || (from != nil && to != nil),
              let period = try PeriodArguments.period(month: month, from: from, to: to),
              let first = period.from, let last = period.to
        else {
            throw ValidationError("fetch needs --month, or --from and --to, so that a later re-fetch asks for the same windows.")
        }
        return (first, last)
    }

    func run() async throws {
        let console = FetchConsole(quiet: quiet, verbose: verbose)
        let settings: FetchSettings
        do {
            let period = try closedPeriod()
            var overrides = FetchOverrides()
            overrides.out = out
            overrides.baseURL = baseURL
            overrides.campaigns = campaigns
            overrides.engagementContext = engagementContext
            overrides.paginated = paginated
            overrides.requestsPerMinute = requestsPerMinute
            overrides.requestsPerHour = requestsPerHour
            overrides.maxAttempts = maxAttempts
            overrides.connectTimeout = connectTimeout
            overrides.idleTimeout = idleTimeout
            overrides.backoffBase = retryBase
            overrides.concurrentWindows = parallel
            settings = try FetchSettings.resolve(
                from: period.from, to: period.to, commandLine: overrides, config: try config.map { try FetchConfigFile.load($0) },
                environment: ProcessInfo.processInfo.environment)
        } catch let error as ReconError {
            console.error(error.description)
            throw ExitCode(1)
        } catch let error as FetchSettingsError {
            console.error(error.description)
            throw ExitCode(1)
        }
        let summary: FetchSummary
        do {
            summary = try await Fetcher(settings: settings, observer: console).run()
        } catch let error as FetchError {
            console.error(error.description)
            throw ExitCode(1)
        }
        console.report(summary, folder: settings.outputFolder)
        if !summary.failed.isEmpty { throw ExitCode(1) }
    }
}
