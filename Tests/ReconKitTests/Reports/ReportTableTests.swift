import Testing
@testable import ReconKit

@Suite("Report tables")
struct ReportTableTests {
    /// RFC 4180 quoting, written independently of the code under test.
    private func quoted(_ text: String) -> String {
        guard text.contains(where: { ",\"\r\n".contains($0) }) || text.unicodeScalars.contains("\r") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    @Test("free text that starts like a formula is prefixed with '; identifiers and numbers never are",
          arguments: ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tTab"])
    func formulas(text: String) {
        var table = ReportTable(columns: ["target_isrc", "target_title", "streams", "campaign_name"])
        table.rows = [[text, text, "-5", text]]
        let line = table.csv.split(separator: "\n", omittingEmptySubsequences: false)[1]
        let quotedIfNeeded = quoted(text)
        let defused = quoted("'" + text)
        #expect(line == "\(quotedIfNeeded),\(defused),-5,\(defused)")
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
