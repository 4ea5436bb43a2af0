import Foundation
import Testing
import TestSupport

/// `report.xlsx` in a run's output set; its cells are compared with the CSVs by scripts/check_workbook.sh.
@Suite("report.xlsx in the output set")
struct WorkbookRunTests {
    @Test("every run writes report.xlsx, byte-identical on a re-run a moment later; --no-workbook and validate skip it")
    func presentAndStable() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let first = try BinaryRunner.run(["run", "--config", "Config/recon.json", "--quiet", "--out", work.path + "/one"])
        #expect(first.status == 0, "\(first.stderr)")
        Thread.sleep(forTimeInterval: 1.1)  // a creation time taken from the clock would now differ
        _ = try BinaryRunner.run(["run", "--config", "Config/recon.json", "--quiet", "--out", work.path + "/two"])
        let workbook = try work.read("one/report.xlsx")
        #expect(workbook.prefix(2) == Data("PK".utf8))
        #expect(try work.read("two/report.xlsx") == workbook)

        let skipped = try BinaryRunner.run(["run", "--config", "Config/recon.json", "--quiet", "--no-workbook",
                                            "--out", work.path + "/three"])
        #expect(skipped.status == 0)
        #expect(!work.files("three").contains("report.xlsx"))
        #expect(work.files("three") == work.files("one").filter { $0 != "report.xlsx" })
        _ = try BinaryRunner.run(["validate", "--config", "Config/recon.json", "--quiet", "--out", work.path + "/four"])
        #expect(!work.files("four").contains("report.xlsx"))
    }
}
