import ArgumentParser
import ReconKit

/// `soundlink-recon run`: the month-end job.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Reconcile the exports and write every report into --out."
    )

    @OptionGroup var options: JobOptions

    func run() throws {
        try JobRunner.run(options, mode: .run)
    }
}

/// `soundlink-recon validate`: read and check only.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Read and check the inputs; write only summary.json, catalog_issues.csv and rejected.jsonl.",
        discussion: """
            The options are run's; --no-workbook and --allocate-playlist-spend have nothing to act on here, \
            since validate writes no reports.
            """
    )

    @OptionGroup var options: JobOptions

    func run() throws {
        try JobRunner.run(options, mode: .validate)
    }
}
