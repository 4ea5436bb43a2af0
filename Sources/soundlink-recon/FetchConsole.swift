import Foundation
import SoundlinkAPI
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What `fetch` prints: failures always, progress on a terminal, one line per window with --verbose.
final class FetchConsole: FetchObserver {
    private struct State {
        var planned = 0
        var done = 0
        var rows = 0
        var waiting = 0
        var lastDrawn = 0.0
        var progressShown = false
    }

    let quiet: Bool
    let verbose: Bool
    private let showsProgress: Bool
    private let state = Mutex(State())

    init(quiet: Bool, verbose: Bool) {
        self.quiet = quiet
        self.verbose = verbose
        showsProgress = !quiet && isatty(2) == 1
    }

    func fetchPlanned(campaigns: Int, windows: Int, skippedFinal: Int) {
        state.withLock { $0.planned = windows }
        if verbose {
            line("\(campaigns) campaigns: \(windows) windows to fetch, \(skippedFinal) final and skipped")
        }
        drawProgress(force: true)
    }

    func fetchWindowFinished(_ outcome: WindowOutcome) {
        state.withLock {
            $0.done += 1
            $0.rows += (outcome.rows?.breakdown ?? 0) + (outcome.rows?.engagement ?? 0)
        }
        let name = "campaign \(outcome.campaign) window \(outcome.window)"
        if outcome.outOfWindowRows > 0 {
            line("soundlink-recon: warning: \(name): \(outcome.outOfWindowRows) rows of another campaign or of days "
                + "outside the window; kept as received, the window stays provisional (fetched again next time)")
        }
        if let failed = outcome.failure {
            line("soundlink-recon: error: \(name): \(failed.kind.rawValue) failed after its last attempt: \(failed.failure)")
        } else if verbose, let rows = outcome.rows {
            line("\(name): \(rows.breakdown) breakdown rows, \(rows.engagement) engagement rows, "
                + (outcome.isFinal ? "final" : "provisional (fetched again next time)"))
        }
        drawProgress(force: false)
    }

    func fetchWaiting(requests: Int) {
        let changed = state.withLock { state in
            defer { state.waiting = requests }
            return (state.waiting == 0) != (requests == 0)
        }
        // A wait starting or ending is always shown; counts in between are throttled like the rest.
        drawProgress(force: changed)
    }

    func fetchRetrying(request: String, attempt: Int, failure: FetchFailure, wait: Double) {
        guard verbose else { return }
        line("retrying \(request) in \(String(format: "%.1f", wait)) s: attempt \(attempt) gave \(failure)")
    }

    func error(_ message: String) {
        line("soundlink-recon: error: \(message)")
    }

    func report(_ summary: FetchSummary, folder: String) {
        clearProgress()
        guard !quiet else { return }
        print("fetched \(summary.fetched) of \(summary.windows) windows (\(summary.finalNow) now final), "
            + "\(summary.skippedFinal) already final, \(summary.failed.count) failed; \(summary.rows) rows; "
            + "\(summary.requests) requests, \(summary.retries) retries; files in \(folder)/")
    }

    private func drawProgress(force: Bool) {
        guard showsProgress else { return }
        let now = ProcessInfo.processInfo.systemUptime
        let text: String? = state.withLock { state in
            guard force || now - state.lastDrawn >= 0.2 || state.done == state.planned else { return nil }
            state.lastDrawn = now
            state.progressShown = true
            var text = "fetching: \(state.done)/\(state.planned) windows, \(state.rows) rows"
            if state.waiting > 0 { text += ", \(state.waiting) requests waiting on the rate limit" }
            return text
        }
        if let text { write("\r\u{1B}[2K" + text) }
    }

    private func clearProgress() {
        let shown = state.withLock { state in
            defer { state.progressShown = false }
            return state.progressShown
        }
        if shown { write("\r\u{1B}[2K") }
    }

    private func line(_ text: String) {
        clearProgress()
        write(text + "\n")
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
