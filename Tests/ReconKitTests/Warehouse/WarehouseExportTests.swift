import Foundation
import Testing
@testable import ReconKit
import TestSupport

@Suite("sql output folder")
struct WarehouseExportTests {
    @Test("writes the rows, the claimed keys and recon.sql; no report")
    func writesSet() throws {
        let folder = try TemporaryFolder()
        let catalog = try folder.write("north.csv", "ISRC,Spotify URL,Title,Artist\nUS-NRT-26-00001,spotify:track:1111111111111111111111,=T,A\n")
        let exports = try folder.write("b.jsonl", ExportLines.breakdown() + "\n\nnot json\n" + ExportLines.breakdown() + "\n")
        var settings = RunSettings()
        settings.catalogs = [CatalogSource(argument: catalog)]
        settings.breakdown = [exports]
        settings.outputFolder = folder.path + "/sql"
        let summary = try WarehouseExport.execute(settings, dialect: .duckdb)
        #expect(summary.breakdown.lines == 4 && summary.breakdown.rejected == 1 && summary.breakdown.blank == 1)
        #expect(summary.breakdownRows == 2)
        #expect(summary.claimedKeys == 2)
        let names = try FileManager.default.contentsOfDirectory(atPath: settings.outputFolder)
        #expect(Set(names) == WarehouseExport.files.union([".soundlink-recon.json"]))
        #expect(try folder.text("sql/.soundlink-recon.json").contains("\"sql\""))
        let keys = try folder.text("sql/catalog_keys.ndjson")
        #expect(keys.hasPrefix(#"{"key_kind":"isrc","claimed_key":"USNRT2600001","entry_index":0,"partner":"north""#))
        #expect(try folder.text("sql/breakdown_rows.ndjson").split(separator: "\n").count == 2)
        #expect(try folder.text("sql/rejected.jsonl").contains(#""reason":"not_json""#))
        // A second run replaces its own set; a run set or foreign files are refused.
        _ = try WarehouseExport.execute(settings, dialect: .spark)
        #expect(try folder.text("sql/recon.sql").contains("USING json"))
        try folder.write("other/notes.txt", "mine")
        settings.outputFolder = folder.path + "/other"
        #expect(throws: ReconError.self) { try WarehouseExport.execute(settings, dialect: .duckdb) }
    }
}
