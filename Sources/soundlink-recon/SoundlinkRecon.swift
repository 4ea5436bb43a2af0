import ArgumentParser
import ReconKit

@main
struct SoundlinkRecon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soundlink-recon",
        abstract: "Reconcile Soundlink campaign exports against partner track catalogs.",
        discussion: """
            Joins every breakdown and engagement row to the catalogs on ISRC, falling back to the \
            Spotify track id, and writes per-territory and per-track attribution reports, a finance \
            export per partner, the unmatched rows and a summary.

            Exit codes: 0 done and every gate passed; 1 the job could not run; 3 the reports were \
            written but a gate failed; 64 a usage error (an unknown option or a bad value).
            """,
        version: RunSummary.toolVersion,
        subcommands: [FetchCommand.self, RunCommand.self, ValidateCommand.self, SqlCommand.self, DiffCommand.self]
    )
}
