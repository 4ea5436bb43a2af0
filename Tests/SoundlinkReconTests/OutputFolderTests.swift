import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Who may replace `--out`, and how two commands writing one folder stay out of each other's way.
@Suite("Output folder ownership")
struct OutputFolderTests {
    private let sample = ["--config", "Config/recon.json", "--quiet"]

    @Test("a command holding the lock beside --out makes a second one refuse, naming the lock; stale staging stays until then")
    func lockHeld() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let lockPath = work.path + "/.out.lock"
        let descriptor = open(lockPath, O_CREAT | O_RDWR, 0o644)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        try work.write(".out.staging-1/territories.csv", "another run's half-written set\n")
        let refused = try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/out"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "soundlink-recon: error: \(work.path)/out: another soundlink-recon command is writing "
            + "this folder (it holds \(lockPath)); wait for it to finish\n")
        #expect(work.files("").contains(".out.staging-1"), "a staging folder is never removed without the lock")
        close(descriptor)
        #expect(try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/out"]).status == 0)
        #expect(!work.files("").contains(".out.staging-1"), "stale staging is removed under the lock")
        #expect(!work.files("").contains(".out.lock"), "the lock file goes with the command that made it")
    }

    @Test("two runs in separate PID namespaces (both PID 1) into one --out: one complete set, never a mix", .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")))
    func pidNamespaces() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        #expect(try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/reference"]).status == 0)
        let reference = try work.snapshot("reference")
        for round in 0..<4 {
            let processes = try (0..<2).map { _ in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
                process.arguments = ["-pf", BinaryRunner.executable, "run"] + sample + ["--out", work.path + "/out"]
                process.currentDirectoryURL = URL(fileURLWithPath: BinaryRunner.packageRoot)
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes { process.waitUntilExit() }
            let statuses = processes.map(\.terminationStatus)
            #expect(statuses.contains(0), "round \(round): \(statuses)")
            #expect(statuses.allSatisfy { $0 == 0 || $0 == 1 }, "round \(round): \(statuses)")
            #expect(try work.snapshot("out") == reference, "round \(round): the set is complete and whole")
            #expect(work.files("").filter { $0.contains("staging") }.isEmpty)
        }
    }

    @Test("--out that is a symbolic link, an empty string, read-only, or holds an input is refused before any work")
    func refusedFolders() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        try FileManager.default.createDirectory(atPath: work.path + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work.path + "/link", withDestinationPath: work.path + "/real")
        let link = try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/link"])
        #expect(link.status == 1)
        #expect(link.stderr.contains("link: is a symbolic link (to \(work.path)/real); give the folder itself as --out"))

        let fromHere = try BinaryRunner.run(["run"] + sample + ["--out", ".", "--force"])
        #expect(fromHere.status == 1)
        #expect(fromHere.stderr.contains(".: ends in '.', so it names a folder that holds other things"), "\(fromHere.stderr)")
        for dots in [".", "..", "/."] {
            try work.write("here/mine.txt", "mine")
            let outcome = try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/here/" + dots, "--force"])
            #expect(outcome.status == 1, "\(dots)")
            #expect(outcome.stderr.contains("so it names a folder that holds other things"), "\(dots): \(outcome.stderr)")
            #expect(work.files("").sorted() == ["here", "link", "real"], "\(dots): nothing moved aside or added")
            #expect(work.files("here") == ["mine.txt"])
        }

        let empty = try BinaryRunner.run(["run"] + sample + ["--out", ""])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("--out needs a folder name, not an empty string."))

        try work.write("locked/notes.txt", "mine")
        chmod(work.path + "/locked", 0o555)
        defer { chmod(work.path + "/locked", 0o755) }
        let readOnly = try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/locked", "--force"])
        #expect(readOnly.status == 1)
        #expect(readOnly.stderr.contains("locked: is read-only; make it writable or choose another --out"))
        #expect(work.files("") .filter { $0.contains("staging") }.isEmpty)

        let catalog = try work.write("inputs/c.csv", "isrc\nUSRC17607839\n")
        let inputs = try BinaryRunner.run(["run", "--catalog", catalog, "--breakdown", "SampleData/exports/breakdown",
                                           "--out", work.path + "/inputs", "--force"])
        #expect(inputs.status == 1)
        #expect(inputs.stderr.contains("inputs: holds the input \(catalog); choose an --out outside the inputs"))
        #expect(work.files("inputs") == ["c.csv"])
    }

    @Test("a set is complete only with every file its marker lists: a set missing one is not replaced without --force")
    func incompleteSet() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        #expect(try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/out"]).status == 0)
        let marker = try JSONSerialization.jsonObject(with: try work.read("out/.soundlink-recon.json")) as? [String: Any]
        #expect(marker?["command"] as? String == "run")
        #expect((marker?["files"] as? [String])?.sorted() == work.files("out").filter { !$0.hasPrefix(".") })
        try FileManager.default.removeItem(atPath: work.path + "/out/territories.csv")
        let outcome = try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/out"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("out: holds a 'run' output set changed by hand (missing territories.csv);"))
        try work.write("out/my notes.txt", "mine")
        let added = try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/out"])
        #expect(added.status == 1)
        #expect(added.stderr.contains(
            "out: holds a 'run' output set changed by hand (missing territories.csv; not written by soundlink-recon: my notes.txt);"))
        #expect(try work.text("out/my notes.txt") == "mine")
    }

    @Test("--out inside another output set is refused before any work: the set stays one a command can replace")
    func insideAnotherSet() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        #expect(try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/booked"]).status == 0)
        let before = try work.snapshot("booked")
        for inside in ["booked/rerun", "booked/../booked/rerun"] {
            let outcome = try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/" + inside, "--force"])
            #expect(outcome.status == 1, "\(inside)")
            #expect(outcome.stderr.contains("is inside the output set \(work.path)/booked; a folder added to a set leaves it "
                + "changed by hand, so choose an --out outside it"), "\(inside): \(outcome.stderr)")
        }
        #expect(try work.snapshot("booked") == before)
        #expect(!work.files("booked").contains("rerun"))
        #expect(try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/booked"]).status == 0)
    }

    @Test("a report edited after the run is the user's: the next run refuses to replace it, and --force moves it aside")
    func editedReport() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        #expect(try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/out"]).status == 0)
        let partners = work.path + "/out/partners.csv"
        let original = try work.text("out/partners.csv")
        let handle = try #require(FileHandle(forWritingAtPath: partners))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("checked by finance\n".utf8))
        try handle.close()
        // Timestamps of the same instant would hide the edit on a coarse file system.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: partners)

        let refused = try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/out"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("out: holds a 'run' output set changed by hand (modified after the run: partners.csv);"),
                "\(refused.stderr)")
        #expect(try work.text("out/partners.csv") == original + "checked by finance\n")

        let forced = try BinaryRunner.run(["run", "--config", "Config/recon.json", "--out", work.path + "/out", "--force"])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("the previous contents of \(work.path)/out were moved aside to \(work.path)/out.previous"),
                "\(forced.stderr)")
        #expect(try work.text("out.previous/partners.csv") == original + "checked by finance\n")
        #expect(try work.text("out/partners.csv") == original)
    }

    @Test("files of the user's beside --out under the lock's or staging folders' names stay; only true leftovers go")
    func userFilesBesideOutput() throws {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        try work.write(".out.lock", "the user's notes\n")
        try work.write(".out.staging-notes", "the user's text\n")
        try work.write(".out.staging-keep/draft.txt", "the user's draft\n")
        try work.write(".out.staging-4242/territories.csv", "a killed run's half-written set\n")
        let outcome = try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/out"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try work.text(".out.lock") == "the user's notes\n")
        #expect(try work.text(".out.staging-notes") == "the user's text\n")
        #expect(try work.text(".out.staging-keep/draft.txt") == "the user's draft\n")
        #expect(!work.files("").contains(".out.staging-4242"), "a staging folder left by a killed run is removed")
        #expect(work.files("out").contains("summary.json"))
        // The lock still works on the user's file: a held lock makes a second command refuse.
        let descriptor = open(work.path + "/.out.lock", O_RDWR)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        #expect(try BinaryRunner.run(["run"] + sample + ["--out", work.path + "/out"]).status == 1)
    }
}
