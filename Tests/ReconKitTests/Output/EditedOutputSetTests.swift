import Foundation
import Testing
import TestSupport
@testable import ReconKit

/// A report edited by hand inside an output set is the user's: no command removes it.
@Suite("Output sets edited by hand")
struct EditedOutputSetTests {
    /// Writes a complete 'run' set of two reports and its marker into `folder` of `work`, the
    /// reports a minute older than the marker.
    private func writeSet(_ work: TemporaryFolder, _ folder: String) throws {
        try work.write(folder + "/partners.csv", "bucket\n")
        try work.write(folder + "/summary.md", "# summary\n")
        let marker = OutputSetMarker(kind: .run, version: "1.0.0", files: ["partners.csv", "summary.md"])
        try work.write(folder + "/" + OutputSetMarker.fileName, marker.rendered)
        for name in ["partners.csv", "summary.md"] {
            try setModificationTime(work.path + "/" + folder + "/" + name, secondsFromNow: -60)
        }
    }

    private func setModificationTime(_ path: String, secondsFromNow: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(secondsFromNow)],
                                              ofItemAtPath: path)
    }

    @Test("a listed file modified after the marker makes the set 'changed by hand'; older files do not")
    func editedAfterTheMarker() throws {
        let work = try TemporaryFolder()
        try writeSet(work, "out")
        #expect(OutputSetMarker.contents(of: work.path + "/out") == .outputSet(.run))

        try setModificationTime(work.path + "/out/partners.csv", secondsFromNow: 60)
        #expect(OutputSetMarker.contents(of: work.path + "/out")
            == .changedSet(.run, added: [], missing: [], edited: ["partners.csv"]))
    }

    @Test("a report edited while the job runs: the commit keeps the previous set whole beside the new one")
    func editedDuringTheRun() throws {
        let work = try TemporaryFolder()
        try writeSet(work, "out")
        let output = try OutputFolder(path: work.path + "/out", kind: .run, force: false)
        try output.write("partners.csv", "bucket\nnew\n")
        // The user adds a line to the old report after the job checked the folder.
        let handle = try #require(FileHandle(forWritingAtPath: work.path + "/out/partners.csv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("my note\n".utf8))
        try handle.close()
        try setModificationTime(work.path + "/out/partners.csv", secondsFromNow: 60)

        try output.commit()
        #expect(output.backupPath == work.path + "/out.previous")
        #expect(try work.text("out.previous/partners.csv") == "bucket\nmy note\n")
        #expect(try work.text("out/partners.csv") == "bucket\nnew\n")
    }

    @Test("an unchanged set of the same kind is still replaced, with nothing kept aside")
    func unchangedSetReplaced() throws {
        let work = try TemporaryFolder()
        try writeSet(work, "out")
        let output = try OutputFolder(path: work.path + "/out", kind: .run, force: false)
        try output.write("partners.csv", "bucket\nnew\n")
        try output.commit()
        #expect(output.backupPath == nil)
        #expect(work.files("").sorted() == ["out"])
        #expect(try work.text("out/partners.csv") == "bucket\nnew\n")
    }
}
