import Testing
@testable import ReconKit
import TestSupport

@Suite("Overview files")
struct OverviewFileTests {
    @Test("file names give the campaign and the window", arguments: [
        ("overview_camp-1_2026-04-01_2026-04-07.json", "camp-1", "2026-04-01", "2026-04-07"),
        ("dir/overview_a_b_2026-04-01_2026-04-01.json", "a_b", "2026-04-01", "2026-04-01"),
    ])
    func goodNames(path: String, campaign: String, start: String, end: String) throws {
        let (id, first, last) = try OverviewFile.parseName(path)
        #expect(id == campaign)
        #expect(first.description == start)
        #expect(last.description == end)
    }

    @Test("names that do not fit are refused, naming the file", arguments: [
        "overview_camp_2026-04-07_2026-04-01.json", "overview_camp_2026-04-01.json", "ov_camp_2026-04-01_2026-04-02.json",
        "overview_camp_2026-04-01_2026-04-02.txt", "overview__2026-04-01_2026-04-02.json",
        "overview_camp_2026-02-30_2026-04-02.json",
    ])
    func badNames(path: String) {
        #expect(throws: ReconError.self) { try OverviewFile.parseName(path) }
    }

    private func read(_ body: String) throws -> Overview {
        let folder = try TemporaryFolder()
        return try OverviewFile.read(try folder.write("overview_c_2026-04-01_2026-04-07.json", body))
    }

    @Test("the API envelope and a bare object read alike; money is exact, null and absent are not reported")
    func bodies() throws {
        let data = #"{"streams":1200,"listeners":800,"followers":12,"impressions":null,"ad_clicks":5,"#
            + #""spend_media":42.50,"fees":10.63,"spend_total":53.129999999999995,"currency":"usd","cpl":0.05}"#
        let enveloped = try read(#"{"data":"# + data + #","meta":{"requestId":"r-1"}}"#)
        let bare = try read(data)
        #expect(enveloped.values == bare.values)
        #expect(enveloped.currency == "USD")
        #expect(enveloped.values[.spendTotal] == 53_130_000)
        #expect(enveloped.values[.streams] == 1200)
        #expect(enveloped.values[.impressions] == nil)
        #expect(enveloped.values[.linkClicks] == nil)
        #expect(enveloped.campaignID == "c")
    }

    @Test("bodies that do not fit stop the job, naming the file", arguments: [
        "not json", "[1]", "{}", #"{"data":[1]}"#, #"{"error":{"code":"not_found"},"meta":{}}"#,
        #"{"streams":1.5}"#, #"{"streams":-1}"#, #"{"streams":"12"}"#, #"{"spend_total":1.00}"#,
        #"{"streams":1,"streams":2}"#, #"{"spend_total":1,"currency":"US"}"#,
    ])
    func badBodies(body: String) throws {
        #expect(throws: ReconError.self) { try read(body) }
        do {
            _ = try read(body)
        } catch let error as ReconError {
            #expect(error.description.contains("overview_c_2026-04-01_2026-04-07.json: not an overview file"))
        }
    }

    @Test("a folder gives its *.json files in byte order of names")
    func folder() throws {
        let folder = try TemporaryFolder()
        try folder.write("o/overview_b_2026-04-01_2026-04-01.json", "{}")
        try folder.write("o/overview_a_2026-04-01_2026-04-01.json", "{}")
        try folder.write("o/notes.txt", "")
        #expect(try OverviewFile.resolve([folder.path + "/o"]).map { String($0.split(separator: "/").last!) }
                == ["overview_a_2026-04-01_2026-04-01.json", "overview_b_2026-04-01_2026-04-01.json"])
        #expect(throws: ReconError.self) { try OverviewFile.resolve([folder.path + "/missing"]) }
    }
}
