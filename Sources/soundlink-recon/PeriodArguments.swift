import ArgumentParser
import ReconKit

/// `--month`, `--from` and `--to` as given on a command line: checked once, for every subcommand.
enum PeriodArguments {
    /// The period they name, or nil when none is given; a usage error when they are malformed,
    /// combined wrongly, or `--to` is before `--from`.
    static func period(month: String?, from: String?, to: String?) throws -> Period? {
        if month != nil, from != nil || to != nil {
            throw ValidationError("--month cannot be combined with --from or --to.")
        }
        if let month {
            guard let period = Period(month: month) else {
                throw ValidationError("--month '\(month)' is not a valid YYYY-MM month.")
            }
            return period
        }
        func day(_ name: String, _ value: String?) throws -> CalendarDay? {
            guard let value else { return nil }
            guard let day = CalendarDay(value) else { throw ValidationError("\(name) '\(value)' is not a valid YYYY-MM-DD date.") }
            return day
        }
        let first = try day("--from", from)
        let last = try day("--to", to)
        guard first != nil || last != nil else { return nil }
        if let first, let last, let from, let to, last < first {
            throw ValidationError("--to \(to) is before --from \(from): the period would hold no date.")
        }
        return Period(from: first, to: last)
    }
}
