import Foundation
import Testing
import TestSupport

/// `--allocate-playlist-spend` end to end, on a month small enough to work out by hand.
@Suite("Playlist spend allocation")
struct PlaylistAllocationTests {
    static let alpha = "0" + String(repeating: "A", count: 21)
    static let beta = "1" + String(repeating: "B", count: 21)
    static let stranger = "2" + String(repeating: "C", count: 21)

    static func breakdown(_ campaign: String, _ day: String, _ country: String, _ currency: String,
                          _ media: String, _ fees: String, _ total: String, playlist: Bool = true) -> String {
        let target = playlist
            ? #""campaign_target_type":"playlist","campaign_target_playlist_id":"PL1""#
            : #""campaign_target_type":"track","campaign_target_isrc":"USAAA2500001""#
        return #"{"provider":"soundlink","account_id":"acc","report_date":"\#(day)","exported_at":"2026-06-01T00:00:00Z","campaign_id":"\#(campaign)",\#(target),"country_code":"\#(country)","spend_media":\#(media),"fees":\#(fees),"spend_total":\#(total),"currency":"\#(currency)"}"#
    }

    static func engagement(_ campaign: String, _ day: String, _ country: String, _ track: String, streams: Int,
                           context: String = "playlist") -> String {
        #"{"provider":"soundlink","account_id":"acc","report_date":"\#(day)","exported_at":"2026-06-01T00:00:00Z","campaign_id":"\#(campaign)","campaign_target_type":"playlist","campaign_target_playlist_id":"PL1","engagement_context":"\#(context)","country_code":"\#(country)","engaged_spotify_track_id":"\#(track)","streams":\#(streams)}"#
    }

    /// Runs the month with `extra` options; returns the work folder (outputs in `out/`).
    static func run(_ extra: [String]) throws -> TemporaryFolder {
        let work = try TemporaryFolder(prefix: "recon-e2e")
        let a = try work.write("a.csv", "isrc,spotify_track_id,title\nUSAAA2500001,\(alpha),Alpha\n")
        let b = try work.write("b.csv", "isrc,spotify_track_id,title\nUSBBB2500002,\(beta),Beta\n")
        let breakdown = try work.write("b.jsonl", [
            Self.breakdown("p1", "2026-04-01", "US", "USD", "10.00", "2.50", "12.50"),   // tie 1:1:1
            Self.breakdown("p1", "2026-04-02", "GB", "USD", "5.00", "1.25", "6.25"),     // zero streams only
            Self.breakdown("p1", "2026-04-02", "US", "USD", "-1.00", "-0.25", "-1.25"),  // refund 2:1
            Self.breakdown("p2", "2026-04-01", "DE", "EUR", "3.00", "0", "3.00"),
            Self.breakdown("t1", "2026-04-01", "US", "USD", "2.00", "0.50", "2.50", playlist: false),
        ].joined(separator: "\n") + "\n")
        let engagement = try work.write("e.jsonl", [
            Self.engagement("p1", "2026-04-01", "US", stranger, streams: 1),
            Self.engagement("p1", "2026-04-01", "US", beta, streams: 1),
            Self.engagement("p1", "2026-04-01", "US", alpha, streams: 1),
            Self.engagement("p1", "2026-04-01", "US", beta, streams: 100, context: "catalog"),  // never allocated on
            Self.engagement("p1", "2026-04-02", "GB", alpha, streams: 0),
            Self.engagement("p1", "2026-04-02", "US", beta, streams: 2),
            Self.engagement("p1", "2026-04-02", "US", stranger, streams: 1),
            Self.engagement("p2", "2026-04-01", "DE", alpha, streams: 3),
        ].joined(separator: "\n") + "\n")
        let outcome = try BinaryRunner.run(["run", "--catalog", a, "--catalog", b, "--breakdown", breakdown,
                                            "--engagement", engagement, "--month", "2026-04", "--quiet",
                                            "--out", work.path + "/out"] + extra)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return work
    }

    static func text(_ work: TemporaryFolder, _ name: String) throws -> String {
        String(decoding: try work.read("out/" + name), as: UTF8.self)
    }

    @Test("shares, the unallocated rest and the partner buckets, worked by hand")
    func handWorked() throws {
        let work = try Self.run(["--allocate-playlist-spend"])
        // Engaged tracks carry no ISRC, so they match on the Spotify id.
        // p1 USD, 04-01 US, 1:1:1 tie → Alpha, Beta, stranger (id order): media 3.333334/3.333333/3.333333,
        // fees 0.833334/0.833333/0.833333, total 4.166667/4.166667/4.166666. 04-02 US refund 2:1 → Beta,
        // stranger: media −0.666667/−0.333333, fees −0.166667/−0.083333, total −0.833333/−0.416667.
        // 04-02 GB has only a zero-stream row: unallocated, and Alpha gets no streams, days or countries from it.
        #expect(try Self.text(work, "playlist_allocation.csv") == """
            campaign_id,currency,engaged_match,engaged_partner,engaged_isrc,engaged_spotify_track_id,engaged_title,days,countries,streams,spend_media,fees,spend_total
            p1,USD,spotify_id,a,USAAA2500001,\(Self.alpha),Alpha,1,1,1,3.333334,0.833334,4.166667
            p1,USD,spotify_id,b,USBBB2500002,\(Self.beta),Beta,2,1,3,2.666666,0.666666,3.333334
            p1,USD,unallocated,,,,,0,0,0,5.00,1.25,6.25
            p1,USD,unmatched,,,\(Self.stranger),,2,1,2,3.00,0.75,3.749999
            p2,EUR,spotify_id,a,USAAA2500001,\(Self.alpha),Alpha,1,1,3,3.00,0.00,3.00

            """)
        // USD total 20.00: shares 2.50/20, 6.25/20, 3.749999/20 = 0.18749995 → 0.187500 (half-even),
        // 4.166667/20 = 0.20833335 → 0.208333, 3.333334/20 = 0.1666667 → 0.166667.
        #expect(try Self.text(work, "partners.csv") == """
            bucket,partner,currency,campaigns,rows,streams,followers,spend_media,fees,spend_total,spend_share
            matched,a,USD,1,1,0,0,2.00,0.50,2.50,0.125000
            playlist,,EUR,1,1,0,0,0.00,0.00,0.00,0.000000
            playlist,,USD,1,3,0,0,5.00,1.25,6.25,0.312500
            playlist_allocated,,USD,1,0,0,0,3.00,0.75,3.749999,0.187500
            playlist_allocated,a,EUR,1,0,0,0,3.00,0.00,3.00,1.000000
            playlist_allocated,a,USD,1,0,0,0,3.333334,0.833334,4.166667,0.208333
            playlist_allocated,b,USD,1,0,0,0,2.666666,0.666666,3.333334,0.166667

            """)
    }

    @Test("every money column of partners.csv still sums to the summary's total per currency")
    func tieOut() throws {
        for options in [["--allocate-playlist-spend"], [], ["--allocate-playlist-spend", "--engagement-context", "catalog"]] {
            let work = try Self.run(options)
            let partners = try CSVFile(work.path + "/out/partners.csv")
            let summary = try #require(try JSONSerialization.jsonObject(with: work.read("out/summary.json")) as? [String: Any])
            let totals = try #require(((summary["totals"] as? [String: Any])?["breakdown"] as? [String: Any])?["currencies"]
                as? [String: [String: String]])
            #expect(totals.keys.sorted() == ["EUR", "USD"])
            for (currency, money) in totals {
                for column in ["spend_media", "fees", "spend_total"] {
                    #expect(partners.sum(column, where: "currency", is: currency) == Micros(money[column]!),
                            "\(options) \(currency) \(column)")
                }
            }
            let tieOut = summary["tie_out"] as? [String: Bool] ?? [:]
            #expect(!tieOut.isEmpty && tieOut.values.allSatisfy { $0 }, "\(options): \(tieOut)")
        }
    }

    @Test("with --engagement-context catalog nothing is allocated; without the option nothing changes")
    func contextAndDefault() throws {
        let catalogOnly = try Self.run(["--allocate-playlist-spend", "--engagement-context", "catalog"])
        #expect(try Self.text(catalogOnly, "playlist_allocation.csv") == """
            campaign_id,currency,engaged_match,engaged_partner,engaged_isrc,engaged_spotify_track_id,engaged_title,days,countries,streams,spend_media,fees,spend_total
            p1,USD,unallocated,,,,,0,0,0,14.00,3.50,17.50
            p2,EUR,unallocated,,,,,0,0,0,3.00,0.00,3.00

            """)
        let plain = try Self.run([])
        #expect(!plain.files("out").contains("playlist_allocation.csv"))
        #expect(try Self.text(plain, "partners.csv") == Self.text(catalogOnly, "partners.csv"))
        #expect(try !Self.text(plain, "partners.csv").contains("playlist_allocated"))
    }
}
