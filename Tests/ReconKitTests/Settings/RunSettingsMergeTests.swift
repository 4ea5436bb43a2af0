import Testing
@testable import ReconKit

@Suite("Config file and command line merge")
struct RunSettingsMergeTests {
    private var config: ConfigFile {
        var config = ConfigFile()
        config.catalogs = [CatalogSource(name: "aurora", path: "a.csv")]
        config.breakdown = ["exports/breakdown"]
        config.month = "2026-04"
        config.out = "from-config"
        config.maxUnmatchedRate = Rate(millionths: 250_000)
        config.requireFinal = true
        return config
    }

    @Test("lists add after the config's, scalars replace, gate flags only turn on")
    func precedence() throws {
        var line = CommandLineSettings()
        line.catalogs = [CatalogSource(name: "extra", path: "x.csv")]
        line.breakdown = ["more.jsonl"]
        line.outputFolder = "from-line"
        line.maxUnmatchedRate = Rate(millionths: 10_000)
        line.strict = true
        let (settings, notes) = try RunSettings.merge(mode: .run, config: config, configPath: "c.json", commandLine: line)
        #expect(settings.catalogs.map(\.name) == ["aurora", "extra"])
        #expect(settings.breakdown == ["exports/breakdown", "more.jsonl"])
        #expect(settings.outputFolder == "from-line")
        #expect(settings.gates.maxUnmatchedRate == Rate(millionths: 10_000))
        #expect(settings.gates.requireFinal, "the config turned it on; the command line cannot turn it off")
        #expect(settings.gates.strict)
        #expect(settings.period == Period(month: "2026-04"))
        #expect(notes.isEmpty)
    }

    @Test("a command-line period replaces the config's whole period, with a note")
    func periodReplaced() throws {
        var line = CommandLineSettings()
        line.period = Period(from: CalendarDay("2026-04-10"), to: nil)
        let (settings, notes) = try RunSettings.merge(mode: .run, config: config, configPath: "c.json", commandLine: line)
        #expect(settings.period == Period(from: CalendarDay("2026-04-10"), to: nil))
        #expect(notes == ["the command line's period 2026-04-10..open replaces the config file's 2026-04-01..2026-04-30"])
    }

    @Test("an inverted or doubled period in the config names the key", arguments: [
        ("2026-05-31", "2026-05-01", nil, "to", "'2026-05-01' is before 'from' '2026-05-31'"),
        (nil, nil, "2026-13", "month", "'2026-13' is not a valid YYYY-MM month"),
        ("2026-05-01", nil, "2026-05", "month", "cannot be combined with 'from' or 'to'"),
    ] as [(String?, String?, String?, String, String)])
    func badConfigPeriod(from: String?, to: String?, month: String?, key: String, reason: String) {
        var file = ConfigFile()
        file.from = from
        file.to = to
        file.month = month
        #expect(throws: ReconError.config(path: "c.json", key: key, reason: reason)) {
            try RunSettings.merge(mode: .run, config: file, configPath: "c.json", commandLine: CommandLineSettings())
        }
    }

    @Test("without a config file the defaults and the command line are all there is")
    func noConfig() throws {
        var line = CommandLineSettings()
        line.allowEmpty = true
        line.threads = 3
        let (settings, _) = try RunSettings.merge(mode: .validate, config: nil, configPath: nil, commandLine: line)
        #expect(settings.mode == .validate)
        #expect(settings.outputFolder == "recon-out")
        #expect(settings.period == .all)
        #expect(settings.gates.allowEmpty)
        #expect(settings.threads == 3)
    }

    @Test("one rate check: 0 to 1, from the number's text", arguments: [
        ("0", 0), ("1", 1_000_000), ("0.05", 50_000), ("5e-2", 50_000), ("1.0000001", 1_000_000),
    ] as [(String, Int128)])
    func rateLimit(text: String, millionths: Int128) {
        #expect(Rate.limit(text) == Rate(millionths: millionths))
    }

    @Test("rates outside 0..1 or not numbers are refused", arguments: ["1.5", "-0.01", "x", "", "true"])
    func rateRefused(text: String) {
        #expect(Rate.limit(text) == nil)
    }
}
