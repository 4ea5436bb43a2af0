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
            .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{padding:4px 8px;border-bottom:1px solid #e6e8ec;text-align:left;white-space:nowrap}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            .pass{color:#17803d;font-weight:600}.fail{color:#b42318;font-weight:600}.off{color:#777}
            svg{width:100%;max-width:640px;height:auto;display:block}.muted{color:#667;font-size:13px}
            </style></head><body><main>
            <h1>soundlink-recon report</h1>
            <p class="muted">Period \(escape(summary.settings.period.description)) · version \(RunSummary.toolVersion) ·
            \(summary.passed ? "<span class=\"pass\">every gate passed</span>" : "<span class=\"fail\">a gate failed</span>")</p>

            """
        page += section("Inputs", inputs(summary))
        page += section("Gates", gates(summary))
        let warnings = SummaryNotices.warnings(summary)
        if !warnings.isEmpty {
            page += section("Warnings", "<ul>" + warnings.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n")
        }
        if !summary.provisionalCampaigns.isEmpty {
            page += section("Provisional days", provisional(summary))
        }
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

    private static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
        let head = header.enumerated().map { "<th\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(escape($0.element))</th>" }
        let body = rows.map { row in
            "<tr>" + row.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(escape($0.element))</td>" }
                .joined() + "</tr>"
        }
        return "<div class=\"scroll\"><table><tr>\(head.joined())</tr>\n\(body.joined(separator: "\n"))</table></div>\n"
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
        var html = "<div class=\"scroll\"><table><tr><th>gate</th><th class=\"n\">threshold</th><th class=\"n\">value</th><th>result</th></tr>"
        for gate in summary.gates {
            let result = !gate.enabled ? "<span class=\"off\">not enabled</span>"
                : gate.passed ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">FAIL</span>"
            html += "<tr><td>\(gate.name)</td><td class=\"n\">\(escape(gate.threshold ?? "–"))</td>"
                + "<td class=\"n\">\(escape(gate.value))</td><td>\(result)</td></tr>"
        }
        return html + "</table></div>\n"
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
                + "<text x=\"\(56 + width)\" y=\"\(y + 15)\" font-size=\"12\">\(bar.spend)</text>"
        }
        svg += "</svg>\n"
        let rows = bars.map { [$0.country, $0.spend.description, String($0.streams)] }
        return svg + table(["territory", "spend_total", "streams"], rows, numeric: [1, 2])
    }

    private static func days(_ currency: ReportDigest.CurrencyView) -> String {
        let largest = max(1, currency.days.map { $0.spend.micros.magnitude }.max() ?? 1)
        let width = max(1, 600 / max(1, currency.days.count))
        var svg = "<svg viewBox=\"0 0 600 130\" role=\"img\" aria-label=\"spend per day\">"
        for (index, day) in currency.days.enumerated() {
            let height = max(1, Int(100 * day.spend.micros.magnitude / largest))
            svg += "<rect x=\"\(index * width + 1)\" y=\"\(110 - height)\" width=\"\(max(1, width - 2))\" height=\"\(height)\" "
                + "fill=\"\(day.spend.micros < 0 ? "#b42318" : "#3b6fd8")\"><title>\(day.date): \(day.spend)</title></rect>"
        }
        if let first = currency.days.first, let last = currency.days.last {
            svg += "<text x=\"0\" y=\"126\" font-size=\"11\">\(first.date)</text>"
                + "<text x=\"600\" y=\"126\" font-size=\"11\" text-anchor=\"end\">\(last.date)</text>"
        }
        svg += "</svg>\n"
        return svg + table(["day", "spend_total", "streams"], currency.days.map { [$0.date, $0.spend.description, String($0.streams)] },
                           numeric: [1, 2])
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
        let picked = ["reason", "report_date", "campaign_name", "country_code", "isrc_raw", "spotify_track_id_raw",
                      "spend_total", "currency", "line"].map { columns.firstIndex(of: $0)! }
        return table(picked.map { columns[$0] }, rows.map { row in picked.map { row[$0] } }, numeric: [6, 8])
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
