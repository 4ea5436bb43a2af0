import ArgumentParser
import ReconKit

extension SQLDialect.Name: ExpressibleByArgument {}

/// `soundlink-recon sql`: validated rows plus `recon.sql`, for Spark, DuckDB or BigQuery.
struct SqlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Validate and normalise the inputs into --out with recon.sql, the reconciliation as SQL.",
        discussion: """
            Writes the rows the engine needs (every kept or superseded export row, the catalogs' \
            claimed keys), rejected.jsonl, catalog_issues.csv and recon.sql, which defines the views \
            territories, tracks, partners and unmatched with the lines of run's CSV reports. Gates \
            are not evaluated (gate keys in --config are ignored).

            The options are run's: --out is required here; the gates (--max-unmatched-rate, \
            --require-final, --strict, --allow-empty, --require-tie-out), --overview and \
            --allocate-playlist-spend are refused, and --no-workbook has nothing to skip.
            """
    )

    @Option(help: "SQL dialect of recon.sql.")
    var dialect: SQLDialect.Name

    @OptionGroup var options: JobOptions

    func validate() throws {
        if options.maxUnmatchedRate != nil || options.requireFinal || options.strict || options.allowEmpty {
            throw ValidationError(
                "sql evaluates no gates: --max-unmatched-rate, --require-final, --strict and --allow-empty belong to run.")
        }
        if options.requireTieOut || !options.overview.isEmpty || options.allocatePlaylistSpend {
            throw ValidationError(
                "sql writes rows, not the close or finance reports: --overview, --require-tie-out and --allocate-playlist-spend belong to run.")
        }
        if options.out == nil { throw ValidationError("sql needs --out DIR.") }
    }

    func run() throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose)
        do {
            let (settings, notes) = try options.settings(mode: .run)
            for note in notes { console.note(note) }
            if let ignored = Self.ignoredConfigKeys(settings) { console.note(ignored) }
            let summary = try WarehouseExport.execute(settings, dialect: .named(dialect), observer: console)
            console.report(summary)
        } catch let error as ReconError {
            console.error(options.describe(error))
            throw ExitCode(1)
        }
    }
}

extension SqlCommand {
    /// The config file's keys that `sql` does not act on (the command line refuses their options),
    /// named so that a config shared with `run` is not misread as applied; nil when there are none.
    static func ignoredConfigKeys(_ settings: RunSettings) -> String? {
        let gates = settings.gates
        let keys = [
            ("max_unmatched_rate", gates.maxUnmatchedRate != nil), ("require_final", gates.requireFinal),
            ("strict", gates.strict), ("require_tie_out", gates.requireTieOut),
            ("overview", !settings.overviews.isEmpty), ("allocate_playlist_spend", settings.allocatePlaylistSpend),
        ].filter(\.1).map(\.0)
        guard !keys.isEmpty else { return nil }
        return "sql ignores \(keys.joined(separator: ", ")) of the --config file: it evaluates no gates and writes "
            + "no close or finance reports (run does)"
    }
}

extension Console {
    func report(_ summary: WarehouseSummary) {
        endProgress()
        guard !quiet else { return }
        for file in summary.catalogFiles {
            print("catalog \(file.name): \(file.entries) entries, \(file.usableEntries) usable, \(file.issues) issues")
        }
        print("catalogs: \(summary.claimedKeys) claimed keys")
        for (name, counts, rows) in [("breakdown", summary.breakdown, summary.breakdownRows),
                                     ("engagement", summary.engagement, summary.engagementRows)] {
            print("\(name): \(counts.lines) lines, \(rows) rows written, \(counts.rejected) rejected, \(counts.blank) blank")
        }
        print("\(summary.dialect.rawValue) rows and recon.sql written to \(summary.outputFolder)/")
    }
}
