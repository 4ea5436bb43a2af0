import Testing
@testable import ReconKit

@Suite("Report tables")
struct ReportTableTests {
    /// RFC 4180 quoting, written independently of the code under test.
    private func quoted(_ text: String) -> String {
        guard text.contains(where: { ",\"\r\n".contains($0) }) || text.unicodeScalars.contains("\r") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// SPEC §13: free text, raw text of ids that did not validate, and key fields are protected;
    /// numbers and the tool's own columns never are.
    @Test("input text that starts like a formula is prefixed with '; numbers and the tool's columns never are",
          arguments: ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tTab", "\rCR"])
    func formulas(text: String) {
        let protected = ["target_isrc", "target_title", "campaign_name", "isrc_raw", "spotify_track_id_raw",
                         "account_id", "campaign_id", "country_code", "engagement_context", "engaged_spotify_track_id"]
        var table = ReportTable(columns: protected + ["streams", "bucket", "file"])
        table.rows = [Array(repeating: text, count: protected.count) + ["-5", text, text]]
        let line = table.csvLine(table.rows[0])
        let defused = quoted("'" + text)
        let plain = quoted(text)
        #expect(line == Array(repeating: defused, count: protected.count).joined(separator: ",")
            + ",-5,\(plain),\(plain)\n")
    }

    @Test("minimal quoting, non-ASCII kept as UTF-8")
    func quoting() {
        var table = ReportTable(columns: ["a", "b", "c", "d"])
        table.rows = [["plain", "with, comma", "say \"hi\"", "Büro am Meer ☃\nline two"]]
        #expect(table.csv == "a,b,c,d\nplain,\"with, comma\",\"say \"\"hi\"\"\",\"Büro am Meer ☃\nline two\"\n")
    }

    @Test("rows sort by the grain columns as byte strings, empty first")
    func sorting() {
        var table = ReportTable(columns: ["k", "v"])
        table.rows = [["b", "1"], ["", "2"], ["B", "3"], ["é", "4"], ["a", "5"]]
        table.sortByGrain(1)
        #expect(table.rows.map { $0[0] } == ["", "B", "a", "b", "é"])
    }
}
