import ArgumentParser
import ReconKit
#if canImport(Glibc)
import Glibc
#endif

/// Runs the job for a subcommand, prints what happened and maps the outcome to an exit code.
enum JobRunner {
    static func run(_ options: JobOptions, mode: RunSettings.Mode) throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose)
        do {
            let settings = try options.settings(mode: mode)
            let summary = try Run.execute(settings, observer: console)
            console.report(summary)
            if !summary.passed { throw ExitCode(3) }
        } catch let error as ReconError {
            console.error(error.description)
            throw ExitCode(1)
        }
    }
}

/// Everything the executable prints: results on stdout, errors and progress on stderr.
final class Console: RunObserver {
    let quiet: Bool
    let verbose: Bool

    init(quiet: Bool, verbose: Bool) {
        self.quiet = quiet
        self.verbose = verbose
    }

    func error(_ message: String) {
        printError("soundlink-recon: error: \(message)")
    }

    func printError(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }

    func didRead(file: String, source: String, counts: SourceCounts) {
        guard verbose else { return }
        printError("read \(source) \(file): \(counts.lines) lines so far, \(counts.rejected) rejected")
    }

    func report(_ summary: RunSummary) {
        guard !quiet else { return }
        for file in summary.catalogFiles {
            print("catalog \(file.name): \(file.entries) entries, \(file.usableEntries) usable, \(file.issues) issues")
        }
        for (name, counts) in [("breakdown", summary.breakdown), ("engagement", summary.engagement)] {
            print("\(name): \(counts.lines) lines, \(counts.kept) kept, \(counts.rejected) rejected, "
                + "\(counts.superseded) superseded, \(counts.outOfPeriod) out of period, \(counts.provisional) provisional")
        }
        for (code, totals) in summary.currencies {
            print("\(code): spend_total \(totals.spendTotal), unmatched share \(totals.unmatchedRate)")
        }
        for gate in summary.gates where gate.enabled {
            print("gate \(gate.name): \(gate.passed ? "pass" : "FAIL") (value \(gate.value), limit \(gate.threshold ?? ""))")
        }
        print("reports written to \(summary.settings.outputFolder)/")
    }
}
