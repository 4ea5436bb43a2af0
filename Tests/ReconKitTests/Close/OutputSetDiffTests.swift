import Testing
@testable import ReconKit
import TestSupport

@Suite("diff reading output sets")
struct OutputSetDiffTests {
    private static let territoriesHeader = TerritoryReport.columns.joined(separator: ",") + "\n"

    /// A territories line with the given grain text in `country_code` and `target_isrc`, the rest fixed.
    private static func territory(isrc: String, country: String, streams: Int, spend: String) -> String {
        "unmatched,,\(isrc),,,\(country),USD,,,1,1,1,100,1,1,\(streams),5,1,\(spend),0.00,\(spend),0\n"
    }

    private static func set(_ folder: TemporaryFolder, _ name: String, territories: [String]) throws {
        _ = try folder.write(name + "/partners.csv", PartnerReport.columns.joined(separator: ",") + "\n")
        _ = try folder.write(name + "/territories.csv", territoriesHeader + territories.joined())
    }

    @Test("grain text is read as printed: leading and trailing spaces (kept by run, never quoted) stay")
    func spacesInGrain() throws {
        let folder = try TemporaryFolder()
        // `country_code` is a primary-key field taken exactly as written, and an invalid ISRC prints
        // as its raw text, so run writes " US" and "US" (or "BAD " and "BAD") as separate grains.
        try Self.set(folder, "old", territories: [
            Self.territory(isrc: "BAD", country: "US", streams: 1, spend: "1.00"),
            Self.territory(isrc: "BAD ", country: " US", streams: 2, spend: "2.00"),
        ])
        try Self.set(folder, "new", territories: [
            Self.territory(isrc: "BAD", country: "US", streams: 1, spend: "1.00"),
            Self.territory(isrc: "BAD ", country: " US", streams: 3, spend: "2.00"),
        ])
        let diff = try OutputSetDiff(old: folder.path + "/old", new: folder.path + "/new")
        #expect(diff.territories == [
            OutputSetDiff.Line(grain: ["unmatched", "", "BAD ", "", "", " US", "USD"], old: [2, 5, 2_000_000],
                               new: [3, 5, 2_000_000]),
        ])
        #expect(diff.territoriesCSV.hasSuffix("\nunmatched,,BAD ,,, US,USD,2,3,1,5,5,0,2.00,2.00,0.00\n"))
    }
}
