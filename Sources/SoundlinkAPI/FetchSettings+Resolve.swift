import ReconKit

extension FetchSettings {
    /// The command line, then the config file's `"fetch"` object, then the environment, then the defaults.
    /// The key comes from `SOUNDLINK_API_KEY` only.
    public static func resolve(from: CalendarDay, to: CalendarDay, commandLine: FetchOverrides,
                               config: FetchConfigFile?, environment: [String: String]) throws -> FetchSettings {
        guard let key = environment["SOUNDLINK_API_KEY"].flatMap(APIKey.init) else {
            throw FetchSettingsError(description: "SOUNDLINK_API_KEY is not set: set it to the Soundlink API key (it is read from the environment only)")
        }
        // An HTTP header cannot carry a control character: refused here, so that no error names the key.
        guard !key.secret.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw FetchSettingsError(description: "SOUNDLINK_API_KEY holds a control character (a line end copied with it?): set it to the key alone")
        }
        guard let out = commandLine.out ?? config?.out else {
            throw FetchSettingsError(description: "no output folder: give --out DIR (or \"out\" in the config file's \"fetch\" object)")
        }
        var settings = FetchSettings(outputFolder: out, from: from, to: to, apiKey: key)
        let environmentURL = environment["SOUNDLINK_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        settings.baseURL = commandLine.baseURL ?? config?.baseURL ?? environmentURL ?? settings.baseURL
        settings.campaigns = commandLine.campaigns.isEmpty ? (config?.campaigns ?? []) : commandLine.campaigns
        settings.engagementContext = commandLine.engagementContext ?? config?.engagementContext
        settings.paginated = commandLine.paginated
        settings.requestsPerMinute = commandLine.requestsPerMinute ?? config?.requestsPerMinute ?? settings.requestsPerMinute
        settings.requestsPerHour = commandLine.requestsPerHour ?? config?.requestsPerHour ?? settings.requestsPerHour
        settings.maxAttempts = commandLine.maxAttempts ?? config?.maxAttempts ?? settings.maxAttempts
        settings.connectTimeout = commandLine.connectTimeout ?? settings.connectTimeout
        settings.idleTimeout = commandLine.idleTimeout ?? settings.idleTimeout
        if let base = commandLine.backoffBase {
            settings.backoffBase = base
            // A shorter first delay shortens every wait in proportion (used by tests and impatient runs).
            settings.backoffCap = 60 * base
            settings.defaultRetryAfter = 60 * base
        }
        settings.concurrentWindows = commandLine.concurrentWindows ?? settings.concurrentWindows
        return settings
    }
}
