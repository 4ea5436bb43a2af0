import Testing
@testable import ReconKit

@Suite("Report tables")
struct ReportTableTests {
    /// RFC 4180 quoting, written independently of the code under test.
    private func quoted(_ text: String) -> String {
        guard text.contains(where: { ",\"\r\n".contains($0) }) || text.unicodeScalars.contains("\r") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    @Test("input text that starts like a formula is prefixed with '; numbers and the tool's words never are",
          arguments: ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tTab", "\rCR"])
    func formulas(text: String) {
        let columns = ["target_match", "target_isrc", "country_code", "target_title", "streams", "spend_total", "partner"]
        var table = ReportTable(columns: columns)
        table.rows = [["unmatched", text, text, text, "-5", "-1.50", text]]
        let line = table.csv.split(separator: "\n", omittingEmptySubsequences: false)[1]
        let defused = quoted("'" + text)
        #expect(line == "unmatched,\(defused),\(defused),\(defused),-5,-1.50,\(defused)")
    }

    @Test("a guarded grain sorts by its printed bytes; a NUL is written as U+FFFD")
    func guardedSorting() {
        var table = ReportTable(columns: ["country_code", "streams"])
        table.rows = [["(b", "1"], ["=a", "2"], ["'a", "3"], ["a\0b", "4"]]
        table.sortByGrain(1)
        #expect(table.csv == "country_code,streams\n'=a,2\n'a,3\n(b,1\na\u{FFFD}b,4\n")
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
