import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

@Suite("Crash safety")
struct CrashSafetyTests {
    /// An engagement export of `count` rows; `streams` differ with `salt` so that two sets differ.
    private func exportText(rows count: Int, salt: Int) -> String {
        (0..<count).map { index in
            #"{"provider":"soundlink","account_id":"a1","report_date":"2026-04-0\#(1 + index % 9)","exported_at":"2026-05-20T03:00:00Z","campaign_id":"c\#(index % 97)","campaign_target_type":"track","campaign_target_isrc":"USRC1760\#(String(format: "%04d", index % 500))","engagement_context":"catalog","country_code":"C\#(index % 31)","engaged_spotify_track_id":"id\#(index)","engaged_track_name":"Track \#(index)","streams":\#(index % 50 + salt),"listeners":3}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test("SIGKILL at any moment leaves the previous complete set or the new one, never a mix")
    func killMidRun() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let small = try work.write("small.jsonl", exportText(rows: 200, salt: 0))
        let large = try work.write("large.jsonl", exportText(rows: 40_000, salt: 7))
        let catalog = try work.write("c.csv", "isrc,title\nUSRC17600001,One\n")
        func arguments(_ export: String, _ out: String) -> [String] {
            ["run", "--catalog", catalog, "--engagement", export, "--out", work.path + "/" + out, "--quiet", "--allow-empty"]
        }
        #expect(try BinaryRunner.run(arguments(large, "reference")).status == 0)
        let newSet = try work.snapshot("reference")
        #expect(try BinaryRunner.run(arguments(small, "out")).status == 0)
        let oldSet = try work.snapshot("out")
        #expect(oldSet != newSet)

        var sawOld = false
        var sawNew = false
        for delay in [0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2.0, 3.0] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
            process.arguments = arguments(large, "out")
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try work.snapshot("out")
            #expect(now == oldSet || now == newSet, "after \(delay) s the output folder is a mix")
            #expect(now["summary.json"] != nil)
            if now == oldSet { sawOld = true } else { sawNew = true }
            if now == newSet {
                // Put the old set back for the next round.
                #expect(try BinaryRunner.run(arguments(small, "out")).status == 0)
            }
        }
        #expect(sawOld, "no kill landed before the swap: the test did not test anything")
        _ = sawNew
        // A later run cleans up the staging folders that the killed runs left behind.
        #expect(try BinaryRunner.run(arguments(small, "out")).status == 0)
        #expect(work.files("").filter { $0.hasPrefix(".out.staging") }.isEmpty)
    }
}
