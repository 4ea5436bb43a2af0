import Foundation

/// Finds and reads overview files: `overview_{campaignId}_{start}_{end}.json`, given as
/// files or folders of them; a name or body that does not fit stops the job.
public enum OverviewFile {
    /// Expands folder arguments into their `*.json` files, in byte order of names.
    public static func resolve(_ arguments: [String]) throws -> [String] {
        try FolderArguments.expand(arguments, accept: { $0.hasSuffix(".json") && !$0.hasPrefix(".") }) {
            ReconError.unreadable(path: $0, reason: "folder holds no overview_*.json file")
        }
    }

    /// Reads one file: its name gives the campaign and window, its body the totals.
    static func read(_ path: String, digest: FileDigest? = nil) throws -> Overview {
        let (campaign, start, end) = try parseName(path)
        let bytes = try FileBytes.read(path, digest: digest)
        do {
            let body = try OverviewBody(bytes)
            return Overview(path: path, campaignID: campaign, start: start, end: end, currency: body.currency,
                            values: body.values)
        } catch let problem as OverviewBody.Problem {
            throw ReconError.overview(path: path, reason: problem.reason)
        }
    }

    /// `overview_{campaignId}_{start}_{end}.json` → campaign id and window.
    static func parseName(_ path: String) throws -> (String, CalendarDay, CalendarDay) {
        let name = String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        let fits = "a name overview_{campaignId}_{start}_{end}.json with YYYY-MM-DD dates, start not after end"
        guard name.hasPrefix("overview_"), name.hasSuffix(".json") else {
            throw ReconError.overview(path: path, reason: "expected \(fits)")
        }
        let stem = name.dropFirst("overview_".count).dropLast(".json".count)
        let parts = stem.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count >= 3, let start = CalendarDay(String(parts[parts.count - 2])),
              let end = CalendarDay(String(parts[parts.count - 1])), start <= end else {
            throw ReconError.overview(path: path, reason: "expected \(fits)")
        }
        let campaign = parts.dropLast(2).joined(separator: "_")
        guard !campaign.isEmpty else { throw ReconError.overview(path: path, reason: "expected \(fits)") }
        return (campaign, start, end)
    }
}
