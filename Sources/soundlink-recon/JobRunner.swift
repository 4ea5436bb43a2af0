import ArgumentParser
import Foundation
import ReconKit
#if canImport(Glibc)
import Glibc
#endif

/// Runs the job for a subcommand, prints what happened and maps the outcome to an exit code.
enum JobRunner {
    static func run(_ options: JobOptions, mode: RunSettings.Mode) throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose)
        do {
            let (settings, notes) = try options.settings(mode: mode)
            for note in notes { console.note(note) }
            let summary = try Run.execute(settings, observer: console)
            console.report(summary)
            if !summary.passed { throw ExitCode(3) }
        } catch let error as ReconError {
            console.error(options.describe(error))
            throw ExitCode(1)
        }
    }
}

/// Everything the executable prints: results on stdout, errors and progress on stderr.
final class Console: RunObserver {
    /// Mismatch lines printed before pointing at reconciliation.csv.
    static let shownMismatches = 20
    let quiet: Bool
    let verbose: Bool
    /// A live progress line only for a person watching a terminal.
    private let showsProgress: Bool
    private let started = Date()
    private var lastProgress = Date.distantPast
    /// Each source's counts after its previous file (the observer hears running totals).
    private var countsBefore: [String: SourceCounts] = [:]
    private var progressShown = false

    init(quiet: Bool, verbose: Bool) {
        self.quiet = quiet
        self.verbose = verbose
        showsProgress = !quiet && isatty(2) == 1
    }

    func progress(bytesRead: Int, totalBytes: Int, lines: Int) {
        guard showsProgress, Date().timeIntervalSince(lastProgress) >= 0.25 else { return }
        lastProgress = Date()
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let fraction = totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 0
        let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
        let line = String(format: "reading exports: %.1f of %.1f MB (%.0f%%), %.0fk lines/s, ETA %d:%02d",
                          Double(bytesRead) / 1e6, Double(totalBytes) / 1e6, fraction * 100,
                          Double(lines) / elapsed / 1000, Int(eta) / 60, Int(eta) % 60)
        printError("\r\u{1B}[2K" + line, newline: false)
        progressShown = true
    }

    func endProgress() {
        if progressShown { printError("\r\u{1B}[2K", newline: false) }
        progressShown = false
    }

    func error(_ message: String) {
        endProgress()
        printError("soundlink-recon: error: \(message)")
    }

    func note(_ message: String) {
        guard !quiet else { return }
        endProgress()
        printError("soundlink-recon: note: \(message)")
    }

    func warning(_ message: String) {
        endProgress()
        printError("soundlink-recon: warning: \(message)")
    }

    func printError(_ line: String, newline: Bool = true) {
        let bytes = Array((line + (newline ? "\n" : "")).utf8)
        bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }

    func didRead(file: String, source: String, counts: SourceCounts) {
        guard verbose else { return }
        endProgress()
        let before = countsBefore[source] ?? SourceCounts()
        countsBefore[source] = counts
        printError("read \(source) \(file): \(counts.lines - before.lines) lines, \(counts.rejected - before.rejected) rejected")
    }

    func report(_ summary: RunSummary) {
        endProgress()
        guard !quiet else { return }
        for warning in SummaryNotices.warnings(summary) { self.warning(warning) }
        for file in summary.catalogFiles {
            print("catalog \(file.name): \(file.entries) entries, \(file.usableEntries) usable, \(file.issues) issues")
        }
        for (name, counts) in [("breakdown", summary.breakdown), ("engagement", summary.engagement)] {
            print("\(name): \(counts.lines) lines, \(counts.kept) kept, \(counts.rejected) rejected, "
                + "\(counts.superseded) superseded, \(counts.outOfPeriod) out of period, \(counts.provisional) provisional")
        }
        if verbose, !summary.rejectionsByReason.isEmpty {
            print("rejected by reason: " + summary.rejectionsByReason.map { "\($0.reason.rawValue) \($0.count)" }
                .joined(separator: ", "))
        }
        // validate writes neither reconciliation.csv nor row_checks.csv.
        let byRun = summary.settings.mode == .validate ? ", written by run" : ""
        for (code, totals) in summary.currencies {
            print("\(code): spend_total \(totals.spendTotal), unmatched share \(totals.unmatchedRate)")
        }
        if let counts = summary.overviewTieOut {
            print("overview tie-out: \(counts.windows) windows, \(counts.lines) lines, \(counts.mismatches) mismatches, "
                + "\(counts.notReported) not reported, \(counts.windowsSkipped) windows outside the period skipped")
            let mismatches = summary.tieOutLines.filter { $0.status == .mismatch }
            for line in mismatches.prefix(Self.shownMismatches) {
                print("  MISMATCH campaign \(line.campaignID) \(line.start)..\(line.end) \(line.measure.rawValue): "
                    + "overview \(line.overview.map(line.printed) ?? ""), exports \(line.printed(line.exports)), "
                    + "difference \(line.difference.map(line.printed) ?? "")")
            }
            if mismatches.count > Self.shownMismatches {
                print("  … \(mismatches.count - Self.shownMismatches) more in reconciliation.csv" + byRun)
            }
        }
        if summary.rowChecks > 0 {
            print("row checks: \(summary.rowChecks) breakdown rows whose spend_total is not spend_media + fees "
                + "(row_checks.csv\(byRun))")
        }
        for gate in summary.gates where gate.enabled {
            print("gate \(gate.name): \(gate.passed ? "pass" : "FAIL") (value \(gate.value), limit \(gate.threshold ?? ""))")
            guard !gate.passed else { continue }
            if gate.name == "nothing_kept" {
                for reason in SummaryNotices.emptyReasons(summary) { print("  \(reason)") }
            }
            if gate.name == "strict" {
                print("  each rejected line is in rejected.jsonl, with its file, line, reason and text")
            }
            if gate.name == "require_final" {
                for campaign in summary.provisionalCampaigns {
                    print("  campaign \(campaign.campaignID): provisional \(campaign.daysText); final from \(campaign.finalOn)")
                }
            }
        }
        print("reports written to \(summary.settings.outputFolder)/")
    }
}
