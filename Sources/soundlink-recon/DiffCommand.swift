import ArgumentParser
import ReconKit

/// `soundlink-recon diff`: what moved between two output sets of `run`.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two output sets of run (partners.csv, territories.csv) and write what changed into --out.",
        discussion: "Exit codes: 0 nothing differs; 3 something differs; 1 a set cannot be read."
    )

    @Argument(help: ArgumentHelp("The earlier output set (a run's --out folder).", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later output set.", valueName: "new"))
    var new: String

    @Option(help: ArgumentHelp("Output folder for the differences, replaced as a whole.", valueName: "dir"))
    var out: String

    @Flag(help: """
        When --out holds something other than an empty folder or a previous diff set, move it aside \
        whole to DIR.previous (or DIR.previous-2, …) and write the new set; nothing is deleted.
        """)
    var force = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let console = Console(quiet: quiet, verbose: false)
        do {
            let diff = try OutputSetDiff.run(old: old, new: new, out: out, force: force)
            if !quiet {
                print("partners.csv: \(diff.partners.count) grains differ; territories.csv: \(diff.territories.count) grains differ")
                for move in diff.moves where move.change.micros != 0 {
                    print("\(move.currency) \(move.bucket): spend_total \(move.old) -> \(move.new) (change \(move.change))")
                }
                print("differences written to \(out)/")
            }
            if diff.differs { throw ExitCode(3) }
        } catch let error as ReconError {
            console.error(error.description)
            throw ExitCode(1)
        }
    }
}
