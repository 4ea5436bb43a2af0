import Foundation
/// Renders `report.html`: one self-contained page (inline CSS and SVG, no script, no network)
/// whose figures are also embedded as JSON for checking.
enum HTMLReport {
    static func render(_ summary: RunSummary, _ digest: ReportDigest) -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>soundlink-recon · \(escape(summary.settings.period.description))</title>
            <style>
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
            main{max-width:1100px;margin:0 auto;padding:16px}
            h1{font-size:22px;margin:8px 0 4px}h2{font-size:17px;margin:0 0 8px}
            section{background:#fff;border-radius:10px;padding:14px 16px;margin:12px 0;box-shadow:0 1px 2px #0001}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
            .card{background:#f0f3f8;border-radius:8px;padding:8px 10px}.card b{display:block;font-size:20px}
            .card .muted{display:block;font-size:12px}h3{font-size:15px;margin:10px 0 6px}ul.gates{margin:0;padding-left:18px}
            table.wrap1 td:first-child{white-space:normal;min-width:9em}
            .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{padding:4px 8px;border-bottom:1px solid #e6e8ec;text-align:left;white-space:nowrap}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            .pass{color:#17803d;font-weight:600}.fail{color:#b42318;font-weight:600}.off{color:#777}
            svg{width:100%;max-width:640px;height:auto;display:block}.muted{color:#667;font-size:13px}
            </style></head><body><main>
            <h1>soundlink-recon report</h1>
            <p class="muted">Period \(escape(summary.settings.period.description)) · version \(RunSummary.toolVersion) ·
            \(summary.passed ? "<span class=\"pass\">every enabled gate passed</span>" : "<span class=\"fail\">a gate failed</span>")</p>

            """
        page += section("Spend per currency", headlines(summary, digest))
        page += section("Partners (partners.csv)", partners(digest))
        page += section("Gates", gates(summary))
        if let counts = summary.overviewTieOut {
            page += section("Windows that do not tie out to the overview", tieOut(summary, counts))
        }
        let warnings = SummaryNotices.warnings(summary)
        if !warnings.isEmpty {
            page += section("Warnings", "<ul>" + warnings.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n")
        }
        if !summary.provisionalCampaigns.isEmpty {
            page += section("Provisional days", provisional(summary))
        }
        page += section("Inputs", inputs(summary))
        page += section("Matching", matching(summary))
        for currency in digest.currencies {
            page += section("Spend by territory (\(escape(currency.code)))", territories(currency))
            page += section("Spend and streams per day (\(escape(currency.code)))", days(currency))
        }
        page += section("Top tracks by attributed streams", tracks(digest.topTracks))
        page += section("Unmatched rows with the most spend", unmatched(digest.topUnmatched))
        page += "<script type=\"application/json\" id=\"report-data\">\(data(summary, digest))</script>\n"
        return page + "</main></body></html>\n"
    }

    /// HTML text escape for anything that came from the inputs; a NUL becomes U+FFFD.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\0": result += "\u{FFFD}"
            default: result.append(character)
            }
        }
        return result
    }

    private static func section(_ title: String, _ body: String) -> String {
        "<section><h2>\(title)</h2>\n\(body)</section>\n"
    }

    /// A table in a horizontal scroller; `tableClass` `wrap1` lets the first column wrap (narrow screens).
    private static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>, tableClass: String? = nil) -> String {
        let head = header.enumerated().map { "<th\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(escape($0.element))</th>" }
        let body = rows.map { row in
            "<tr>" + row.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(escape($0.element))</td>" }
                .joined() + "</tr>"
        }
        let opening = tableClass.map { "<table class=\"\($0)\">" } ?? "<table>"
        return "<div class=\"scroll\">\(opening)<tr>\(head.joined())</tr>\n\(body.joined(separator: "\n"))</table></div>\n"
    }

    /// Per currency: the total, and how much of it is matched to partners, on playlist campaigns, and unattributed.
    private static func headlines(_ summary: RunSummary, _ digest: ReportDigest) -> String {
        let columns = PartnerReport.columns
        let (bucketIndex, partnerIndex, currencyIndex, totalIndex) =
            (columns.firstIndex(of: "bucket")!, columns.firstIndex(of: "partner")!, columns.firstIndex(of: "currency")!,
             columns.firstIndex(of: "spend_total")!)
        var html = ""
        for (code, totals) in summary.currencies {
            var sums: [String: MoneyTotal] = [:]
            for row in digest.partners where row[currencyIndex] == code {
                guard case let .value(amount) = Money.parse(row[totalIndex]) else { continue }
                var key = row[bucketIndex]
                if key == "playlist_allocated" { key += row[partnerIndex].isEmpty ? "_unmatched" : "_partners" }
                sums[key, default: MoneyTotal()].add(amount)
            }
            let money = { (total: MoneyTotal) in escape(PeopleFormat.money(total.description, code)) }
            var playlist = sums["playlist"] ?? MoneyTotal()
            playlist.add(sums["playlist_allocated_partners"] ?? MoneyTotal())
            playlist.add(sums["playlist_allocated_unmatched"] ?? MoneyTotal())
            var playlistNote = "playlist campaigns"
            if sums["playlist_allocated_partners"] != nil || sums["playlist_allocated_unmatched"] != nil {
                playlistNote = "\(money(sums["playlist_allocated_partners"] ?? MoneyTotal())) allocated to partners, "
                    + "\(money(sums["playlist_allocated_unmatched"] ?? MoneyTotal())) to unmatched tracks, "
                    + "\(money(sums["playlist"] ?? MoneyTotal())) unallocated"
            }
            html += "<h3>\(escape(code))</h3><div class=\"cards\">"
                + card("Total spend", money(totals.spendTotal), "spend_total of every kept breakdown row")
                + card("Matched to partners", money(sums["matched"] ?? MoneyTotal()), "track campaigns whose track is in a catalog")
                + card("Playlist", money(playlist), playlistNote)
                + card("Unattributed", money(sums["unmatched"] ?? MoneyTotal()),
                       "track campaigns matched to no catalog (\(totals.unmatchedRate.percent))")
                + "</div>\n"
        }
        return html
    }

    private static func card(_ title: String, _ figure: String, _ note: String) -> String {
        "<div class=\"card\">\(title)<b>\(figure)</b><span class=\"muted\">\(note)</span></div>"
    }

    /// Every line of partners.csv, one table per currency, the money first (it is what finance books).
    private static func partners(_ digest: ReportDigest) -> String {
        let columns = PartnerReport.columns
        let index = { (name: String) in columns.firstIndex(of: name)! }
        var html = ""
        for code in digest.currencies.map(\.code) {
            let rows = digest.partners.filter { $0[index("currency")] == code }.map { row -> [String] in
                [partnerLine(bucket: row[index("bucket")], partner: row[index("partner")]),
                 PeopleFormat.money(row[index("spend_total")], code),
                 Rate.parse(row[index("spend_share")])?.percent ?? row[index("spend_share")],
                 PeopleFormat.money(row[index("spend_media")], code), PeopleFormat.money(row[index("fees")], code),
                 PeopleFormat.count(row[index("campaigns")]), PeopleFormat.count(row[index("rows")]),
                 PeopleFormat.count(row[index("streams")])]
            }
            html += "<h3>\(escape(code))</h3>" + table(["partner or bucket", "spend_total", "share", "spend_media", "fees",
                                                      "campaigns", "rows", "streams"], rows, numeric: Set(1...7), tableClass: "wrap1")
        }
        return html + "<p class=\"muted\">Amounts are exact; partners.csv holds the same lines in machine format.</p>\n"
    }

    /// A partners.csv line's bucket and partner in words.
    static func partnerLine(bucket: String, partner: String) -> String {
        switch bucket {
        case "matched": partner
        case "unmatched": "unattributed (track in no catalog)"
        case "playlist": "playlist spend not allocated"
        case "playlist_allocated": (partner.isEmpty ? "tracks in no catalog" : partner) + " (playlist, allocated)"
        default: partner.isEmpty ? bucket : "\(partner) (\(bucket))"
        }
    }

    private static func inputs(_ summary: RunSummary) -> String {
        var cards = ""
        for (name, counts) in [("breakdown", summary.breakdown), ("engagement", summary.engagement)] {
            cards += "<div class=\"card\">\(name)<b>\(counts.kept) kept</b>\(counts.rejected) rejected · "
                + "\(counts.superseded) superseded · \(counts.provisional) provisional · \(counts.outOfPeriod) out of period</div>"
        }
        let catalogs = summary.catalogFiles.map { [$0.name, String($0.entries), String($0.usableEntries), String($0.issues)] }
        return "<div class=\"cards\">\(cards)</div>\n"
            + table(["catalog", "entries", "usable", "issues"], catalogs, numeric: [1, 2, 3])
    }

    private static func gates(_ summary: RunSummary) -> String {
        var html = "<ul class=\"gates\">"
        for gate in summary.gates {
            let result = !gate.enabled ? "<span class=\"off\">not enabled</span>"
                : gate.passed ? "<span class=\"pass\">passed</span>" : "<span class=\"fail\">FAILED</span>"
            html += "<li>\(escape(gateSentence(gate))): \(result)</li>"
        }
        return html + "</ul>\n"
    }

    /// What a gate asks and what the run found, in words.
    static func gateSentence(_ gate: GateResult) -> String {
        switch gate.name {
        case "max_unmatched_rate":
            let found = "the worst currency has \(Rate.parse(gate.value)?.percent ?? gate.value) of its spend on unmatched rows"
            guard let threshold = gate.threshold else { return "Unmatched spend share (no limit set): " + found }
            return "Unmatched spend at most \(Rate.parse(threshold)?.percent ?? threshold) of each currency's spend: " + found
        case "nothing_kept":
            return "The month is not empty (at least one breakdown row kept, no export file wholly rejected): "
                + "\(PeopleFormat.count(gate.value)) breakdown rows kept"
        case "require_final":
            return "No provisional rows (dates still open to revision): \(PeopleFormat.count(gate.value)) provisional rows"
        case "strict":
            return "No rejected input lines: \(PeopleFormat.count(gate.value)) rejected lines"
        case "require_tie_out":
            return "The exports tie out to every overview window of the period: "
                + "\(PeopleFormat.count(gate.value)) mismatch lines in reconciliation.csv"
        default:
            return "\(gate.name): \(gate.value)" + (gate.threshold.map { " (limit \($0))" } ?? "")
        }
    }

    /// The mismatch lines of `reconciliation.csv`, window by window.
    private static func tieOut(_ summary: RunSummary, _ counts: TieOutCounts) -> String {
        let mismatches = summary.tieOutLines.filter { $0.status == .mismatch }
        let windows = Set(mismatches.map { "\($0.campaignID) \($0.start) \($0.end)" }).count
        let intro = "<p class=\"muted\">\(counts.windows) windows compared (\(counts.windowsSkipped) outside the period "
            + "skipped); windows not tying out: \(windows); mismatch lines: \(counts.mismatches); not reported: "
            + "\(counts.notReported).</p>\n"
        guard !mismatches.isEmpty else { return intro }
        let rows = mismatches.map { line in
            // The same digits as reconciliation.csv, grouped by three (the overview gives no currency).
            let shown = { (value: Int128) in
                line.measure.isMoney ? PeopleFormat.money(line.printed(value), "") : PeopleFormat.count(value)
            }
            return [line.campaignID, "\(line.start)..\(line.end)", line.measure.rawValue, line.overview.map(shown) ?? "",
                    shown(line.exports), line.difference.map(shown) ?? ""]
        }
        return intro + table(["campaign_id", "window", "measure", "overview", "exports", "difference"], rows,
                             numeric: [3, 4, 5])
    }

    /// Which days may still be revised, per campaign, and from when a re-fetch gives final rows.
    private static func provisional(_ summary: RunSummary) -> String {
        "<p class=\"muted\">Re-fetch these days on or after the date shown, then run again.</p>\n"
            + table(["campaign", "provisional days", "final on"],
                    summary.provisionalCampaigns.map { [$0.campaignID, $0.daysText, $0.finalOn.description] }, numeric: [])
    }

    private static func matching(_ summary: RunSummary) -> String {
        let sides = [("breakdown target", summary.breakdownTargets), ("engagement target", summary.engagementTargets),
                     ("engagement engaged", summary.engagementEngaged)]
        let rows = sides.map { name, counts -> [String] in
            let total = MatchCounts.outcomes.reduce(0) { $0 + counts[$1] }
            return [name] + MatchCounts.outcomes.map { outcome in
                total == 0 ? "0" : "\(counts[outcome]) (\(Rate.of(MoneyTotal(micros: Int128(counts[outcome])), MoneyTotal(micros: Int128(total))).percent))"
            }
        }
        return table(["rows"] + MatchCounts.outcomes, rows, numeric: Set(1...MatchCounts.outcomes.count))
    }

    private static func territories(_ currency: ReportDigest.CurrencyView) -> String {
        let bars = currency.topTerritories + (currency.rest.spend.micros != 0 || currency.rest.streams != 0 ? [currency.rest] : [])
        let largest = max(1, bars.map { $0.spend.micros.magnitude }.max() ?? 1)
        var svg = "<svg viewBox=\"0 0 600 \(bars.count * 22 + 4)\" role=\"img\" aria-label=\"spend by territory\">"
        for (index, bar) in bars.enumerated() {
            let width = max(1, Int(440 * bar.spend.micros.magnitude / largest))
            let y = index * 22 + 2
            svg += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"13\">\(escape(bar.country))</text>"
                + "<rect x=\"50\" y=\"\(y + 3)\" width=\"\(width)\" height=\"15\" rx=\"3\" fill=\"#3b6fd8\"/>"
                + "<text x=\"\(56 + width)\" y=\"\(y + 15)\" font-size=\"12\">\(escape(PeopleFormat.money(bar.spend.description, currency.code)))</text>"
        }
        svg += "</svg>\n"
        let rows = bars.map { [$0.country, PeopleFormat.money($0.spend.description, currency.code), PeopleFormat.count($0.streams)] }
        return svg + table(["territory", "spend_total", "streams"], rows, numeric: [1, 2])
    }

    /// A bar per day of the period, zero days included (drawn as a tick on the axis), with labelled axes.
    private static func days(_ currency: ReportDigest.CurrencyView) -> String {
        let code = escape(currency.code)
        let days = currency.days
        let largest = max(1, days.map { $0.spend.micros.magnitude }.max() ?? 1)
        let (left, top, plotWidth, plotHeight) = (70, 10, 520, 120)
        let step = Double(plotWidth) / Double(max(1, days.count))
        let baseline = top + plotHeight
        var svg = "<svg viewBox=\"0 0 600 190\" role=\"img\" aria-label=\"spend_total per day in \(code)\">"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(baseline)\" stroke=\"#889\"/>"
            + "<line x1=\"\(left)\" y1=\"\(baseline)\" x2=\"\(left + plotWidth)\" y2=\"\(baseline)\" stroke=\"#889\"/>"
            + "<text x=\"\(left - 4)\" y=\"\(top + 4)\" font-size=\"10\" text-anchor=\"end\">"
            + "\(escape(PeopleFormat.money(MoneyTotal(micros: Int128(largest)).description, "")))</text>"
            + "<text x=\"\(left - 4)\" y=\"\(baseline + 4)\" font-size=\"10\" text-anchor=\"end\">0</text>"
            + "<text x=\"12\" y=\"\(top + plotHeight / 2)\" font-size=\"11\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 12 \(top + plotHeight / 2))\">spend_total (\(code))</text>"
        for (index, day) in days.enumerated() {
            let x = Double(left) + Double(index) * step
            let label = "\(day.date): \(PeopleFormat.money(day.spend.description, currency.code)), \(PeopleFormat.count(day.streams)) streams"
            if day.spend.micros == 0 {
                svg += "<rect x=\"\(format(x + 1))\" y=\"\(baseline - 2)\" width=\"\(format(max(1, step - 2)))\" height=\"2\" "
                    + "fill=\"#b8bcc6\"><title>\(escape(label)) (no spend)</title></rect>"
                continue
            }
            let height = max(1, Int(Double(plotHeight) * Double(day.spend.micros.magnitude) / Double(largest)))
            svg += "<rect x=\"\(format(x + 1))\" y=\"\(baseline - height)\" width=\"\(format(max(1, step - 2)))\" "
                + "height=\"\(height)\" fill=\"\(day.spend.micros < 0 ? "#b42318" : "#3b6fd8")\"><title>\(escape(label))</title></rect>"
        }
        for index in Set([0, days.count / 2, days.count - 1]).sorted() where days.indices.contains(index) {
            // The first and last labels are anchored inside the plot so that neither is cut off.
            let (x, anchor) = index == 0 ? (Double(left), "start")
                : index == days.count - 1 ? (Double(left + plotWidth), "end")
                : (Double(left) + (Double(index) + 0.5) * step, "middle")
            svg += "<text x=\"\(format(x))\" y=\"\(baseline + 16)\" font-size=\"10\" text-anchor=\"\(anchor)\">\(days[index].date)</text>"
        }
        svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(baseline + 34)\" font-size=\"11\" text-anchor=\"middle\">"
            + "day (UTC), every day of the period; grey: no spend; red: net refund</text></svg>\n"
        let rows = days.map { [$0.date, PeopleFormat.money($0.spend.description, currency.code), PeopleFormat.count($0.streams)] }
        return svg + "<details><summary>Every day as a table</summary>"
            + table(["day", "spend_total", "streams"], rows, numeric: [1, 2]) + "</details>\n"
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private static func tracks(_ tracks: [ReportDigest.Track]) -> String {
        let rows = tracks.map {
            [$0.title, $0.artist, $0.partner, $0.isrc, $0.spotify, String($0.total), String($0.direct), String($0.spillover),
             String($0.playlist)]
        }
        return table(["title", "artist", "partner", "isrc", "spotify id", "streams", "direct", "spillover", "playlist"], rows,
                     numeric: [5, 6, 7, 8])
    }

    private static func unmatched(_ rows: [[String]]) -> String {
        let columns = UnmatchedReport.columns
        let index = { (name: String) in columns.firstIndex(of: name)! }
        let shown = rows.map { row in
            [row[index("reason")], row[index("report_date")], row[index("campaign_name")], row[index("country_code")],
             row[index("isrc_raw")], row[index("spotify_track_id_raw")],
             PeopleFormat.money(row[index("spend_total")], row[index("currency")]), "\(row[index("file")]):\(row[index("line")])"]
        }
        return table(["reason", "report_date", "campaign_name", "country_code", "isrc_raw", "spotify_track_id_raw",
                      "spend_total", "file:line"], shown, numeric: [6])
            + "<p class=\"muted\">Every unmatched row is in unmatched.csv, with its file and line.</p>\n"
    }

    /// The figures as JSON; `<` is escaped so that no input text can close the script element.
    private static func data(_ summary: RunSummary, _ digest: ReportDigest) -> String {
        let json = JSONText.object([
            ("summary", SummaryJSON.render(summary)),
            ("currencies", .array(digest.currencies.map { currency in
                .object([
                    ("code", .string(currency.code)),
                    ("territories", .array((currency.topTerritories + [currency.rest]).map {
                        .object([("country", .string($0.country)), ("spend_total", .string($0.spend.description)),
                                 ("streams", .integer($0.streams))])
                    })),
                    ("days", .array(currency.days.map {
                        .object([("date", .string($0.date)), ("spend_total", .string($0.spend.description)),
                                 ("streams", .integer($0.streams))])
                    })),
                ])
            })),
            ("top_tracks", .array(digest.topTracks.map {
                .object([("title", .string($0.title)), ("spotify_track_id", .string($0.spotify)),
                         ("streams", .integer($0.total)), ("direct", .integer($0.direct)),
                         ("spillover", .integer($0.spillover)), ("playlist", .integer($0.playlist))])
            })),
            ("top_unmatched", .array(digest.topUnmatched.map { row in .array(row.map { .string($0) }) })),
        ]).compact
        return json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
    }
}
