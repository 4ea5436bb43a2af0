import Foundation
import ReconKit
import Testing
@testable import SoundlinkAPI

@Suite("fetch settings: command line, then config file, then environment, then defaults")
struct FetchSettingsTests {
    let from = CalendarDay("2026-04-01")!
    let to = CalendarDay("2026-04-30")!
    let environment = ["SOUNDLINK_API_KEY": "sk_test", "SOUNDLINK_BASE_URL": "http://env.example"]

    @Test("defaults are the documented limits")
    func defaults() throws {
        var overrides = FetchOverrides()
        overrides.out = "f"
        let settings = try FetchSettings.resolve(from: from, to: to, commandLine: overrides, config: nil,
                                                 environment: ["SOUNDLINK_API_KEY": "k"])
        #expect(settings.baseURL == "https://api.getsoundlink.com")
        #expect(settings.requestsPerMinute == 60 && settings.requestsPerHour == 600 && settings.maxAttempts == 6)
        #expect(settings.connectTimeout == 30 && settings.idleTimeout == 60)
        #expect(settings.backoffBase == 1 && settings.backoffCap == 60 && settings.defaultRetryAfter == 60)
    }

    @Test("the config file beats the environment; the command line beats both")
    func precedence() throws {
        var config = FetchConfigFile()
        config.out = "from-config"
        config.baseURL = "http://config.example"
        config.campaigns = ["a", "b"]
        config.requestsPerMinute = 10
        config.maxAttempts = 2
        var settings = try FetchSettings.resolve(from: from, to: to, commandLine: FetchOverrides(), config: config,
                                                 environment: environment)
        #expect(settings.outputFolder == "from-config" && settings.baseURL == "http://config.example")
        #expect(settings.campaigns == ["a", "b"] && settings.requestsPerMinute == 10 && settings.maxAttempts == 2)
        var overrides = FetchOverrides()
        overrides.out = "cli"
        overrides.baseURL = "http://cli.example"
        overrides.campaigns = ["c"]
        overrides.requestsPerMinute = 5
        settings = try FetchSettings.resolve(from: from, to: to, commandLine: overrides, config: config, environment: environment)
        #expect(settings.outputFolder == "cli" && settings.baseURL == "http://cli.example")
        #expect(settings.campaigns == ["c"] && settings.requestsPerMinute == 5 && settings.maxAttempts == 2)
    }

    @Test("the environment's base URL applies when neither the command line nor the file gives one")
    func environmentBaseURL() throws {
        var overrides = FetchOverrides()
        overrides.out = "f"
        let settings = try FetchSettings.resolve(from: from, to: to, commandLine: overrides, config: FetchConfigFile(),
                                                 environment: environment)
        #expect(settings.baseURL == "http://env.example")
    }

    @Test("no key, or an empty one, is refused with a message that names the variable", arguments: [[:], ["SOUNDLINK_API_KEY": ""]])
    func missingKey(environment: [String: String]) {
        var overrides = FetchOverrides()
        overrides.out = "f"
        #expect(throws: FetchSettingsError(description: "SOUNDLINK_API_KEY is not set: set it to the Soundlink API key (it is read from the environment only)")) {
            try FetchSettings.resolve(from: from, to: to, commandLine: overrides, config: nil, environment: environment)
        }
    }

    @Test("a key with a control character (a line end from a secret file) is refused without printing it",
          arguments: ["sk_live_secret\r", "sk_live_secret\n", "sk_live\u{0}secret"])
    func keyWithControlCharacter(key: String) {
        var overrides = FetchOverrides()
        overrides.out = "f"
        do {
            _ = try FetchSettings.resolve(from: from, to: to, commandLine: overrides, config: nil,
                                          environment: ["SOUNDLINK_API_KEY": key])
            Issue.record("the key was accepted")
        } catch {
            #expect("\(error)".contains("SOUNDLINK_API_KEY"))
            #expect(!"\(error)".contains("secret"))
        }
    }

    @Test("a shorter back-off base scales the cap and the default Retry-After")
    func backoffBase() throws {
        var overrides = FetchOverrides()
        overrides.out = "f"
        overrides.backoffBase = 0.01
        let settings = try FetchSettings.resolve(from: from, to: to, commandLine: overrides, config: nil, environment: environment)
        #expect(settings.backoffBase == 0.01 && abs(settings.backoffCap - 0.6) < 1e-9 && abs(settings.defaultRetryAfter - 0.6) < 1e-9)
    }

    @Test("the config file's fetch object is read and checked; run's keys are ignored")
    func configFile() throws {
        let path = NSTemporaryDirectory() + "fetch-config-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"{"month":"2026-04","fetch":{"out":"exports","base_url":"http://x","campaigns":["a"],"engagement_context":"playlist","requests_per_minute":30,"requests_per_hour":300,"max_attempts":3}}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let config = try FetchConfigFile.load(path)
        #expect(config.out == "exports" && config.baseURL == "http://x" && config.campaigns == ["a"])
        #expect(config.engagementContext == .playlist && config.requestsPerMinute == 30 && config.requestsPerHour == 300)
        #expect(config.maxAttempts == 3)
        try Data(#"{"fetch":{"max_attempts":0}}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ReconError.config(path: path, key: "fetch.max_attempts", reason: "must be a whole number of at least 1")) {
            try FetchConfigFile.load(path)
        }
        try Data(#"{"fetch":{"api_key":"sk"}}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ReconError.config(path: path, key: "fetch.api_key", reason: "unknown key")) {
            try FetchConfigFile.load(path)
        }
        // run reads the same file and ignores the fetch object.
        try Data(#"{"month":"2026-04","fetch":{"out":"exports"}}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try ConfigFile.load(path).month == "2026-04")
    }
}
