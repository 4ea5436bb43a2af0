import Foundation
import Testing
@testable import ReconKit
import TestSupport

/// Which files of an export folder are read.
@Suite("Export folders")
struct ExportFolderTests {
    @Test("a hidden file, such as the temporary file a killed fetch left, is neither read nor listed as skipped")
    func hiddenFilesAreNotExports() throws {
        let folder = try TemporaryFolder()
        try folder.write("breakdown_c1_2026-04-01_2026-04-30.jsonl", "{}\n")
        try folder.write("older.jsonl.gz", "")
        try folder.write(".fetch-tmp-1234abcd-breakdown_c1_2026-04-01_2026-04-30.jsonl", "{\"cut")
        try folder.write(".hidden.json", "{}")
        try folder.write("notes.ndjson", "{}\n")
        let read = try ExportFile.resolve([folder.path]).map { ($0.path as NSString).lastPathComponent }
        #expect(read == ["breakdown_c1_2026-04-01_2026-04-30.jsonl", "older.jsonl.gz"])
        #expect(ExportFile.skipped([folder.path]) == [folder.path + "/notes.ndjson"])
    }
}
