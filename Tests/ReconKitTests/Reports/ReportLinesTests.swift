import Foundation
import Testing
@testable import ReconKit

@Suite("Report lines")
struct ReportLinesTests {
    /// RFC 4180 quoting, written independently of the code under test.
    private func quoted(_ text: String) -> String {
        guard text.contains(where: { ",\"\r\n".contains($0) }) || text.unicodeScalars.contains("\r") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The CSV text of one-line reports over `columns`.
    private func csv(_ columns: [String], _ lines: [[ReportField]], pool: StringPool = StringPool()) -> String {
        String(decoding: ReportLines(columns: columns, lines: lines, pool: pool) { $0 }.csv, as: UTF8.self)
    }

    @Test("input text that starts like a formula is prefixed with '; numbers and the tool's words never are",
          arguments: ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tTab", "\rCR"])
    func formulas(text: String) {
        let pool = StringPool()
        let columns = ["target_match", "target_isrc", "country_code", "target_title", "streams", "spend_total", "partner"]
        let line: [ReportField] = [.text("unmatched"), .text(text), .pooled(pool.intern(text)), .text(text), .count(-5),
                                   .money(MoneyTotal(micros: -1_500_000)), .text(text)]
        let printed = csv(columns, [line], pool: pool).split(separator: "\n", omittingEmptySubsequences: false)[1]
        let defused = quoted("'" + text)
        #expect(printed == "unmatched,\(defused),\(defused),\(defused),-5,-1.50,\(defused)")
    }

    @Test("a raw identifier that did not validate is guarded, whatever its column")
    func rawIdentifier() {
        let pool = StringPool()
        let line: [ReportField] = [.rawIdentifier(pool.intern("=BAD"), .isrc), .rawIdentifier(pool.intern("+x"), .spotifyTrackID)]
        #expect(csv(["isrc_raw", "spotify_track_id_raw"], [line], pool: pool) == "isrc_raw,spotify_track_id_raw\n'=BAD,'+x\n")
    }

    @Test("minimal quoting, non-ASCII kept as UTF-8, NUL written as U+FFFD, empty fields empty")
    func quoting() {
        let line: [ReportField] = [.text("plain"), .text("with, comma"), .text("say \"hi\""), .text("Büro am Meer ☃\nline two"),
                                   .text("a\0b"), .empty]
        #expect(csv(["a", "b", "c", "d", "e", "f"], [line])
            == "a,b,c,d,e,f\nplain,\"with, comma\",\"say \"\"hi\"\"\",\"Büro am Meer ☃\nline two\",a\u{FFFD}b,\n")
    }

    @Test("counts print every digit of 128 bits, with a minus sign when negative",
          arguments: [(Int128(0), "0"), (Int128(-120), "-120"), (Int128(9_007_199_254_740_993), "9007199254740993"),
                      (Int128.max, "170141183460469231731687303715884105727"),
                      (Int128.min, "-170141183460469231731687303715884105728")])
    func counts(value: Int128, digits: String) {
        #expect(csv(["streams"], [[.count(value)]]) == "streams\n\(digits)\n")
    }

    @Test("a guarded grain ranks by its printed bytes (the ' included)")
    func guardedRanks() {
        let keys = ["(b", "=a", "'a", "a\0b"]
        let ranks = PrintedRanks(keys, guarded: [true]) { [$0] }
        #expect(keys.sorted { ranks[$0] < ranks[$1] } == ["=a", "'a", "(b", "a\0b"])
    }

    @Test("grains rank column by column as byte strings, empty first; equal printed grains share a rank")
    func ranks() {
        let keys = [["b", "1"], ["", "2"], ["B", "3"], ["é", "4"], ["a", "5"], ["a", "10"], ["a", "10"]]
        let ranks = PrintedRanks(keys.indices, guarded: [false, false]) { keys[$0] }
        #expect(keys.indices.sorted { ranks[$0] < ranks[$1] }.map { keys[$0][0] + keys[$0][1] }
            == ["2", "B3", "a10", "a10", "a5", "b1", "é4"])
        #expect(ranks[5] == ranks[6])
    }
}
