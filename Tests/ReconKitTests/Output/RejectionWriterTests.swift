import Foundation
import Testing
@testable import ReconKit
import TestSupport

@Suite("rejected.jsonl")
struct RejectionWriterTests {
    @Test("at most N rejections per file are listed, then a `more` line; counts per reason stay complete")
    func cap() throws {
        let folder = try TemporaryFolder()
        let writer = RejectionWriter(try FileWriter(path: folder.path + "/r.jsonl", displayPath: "r.jsonl"), limit: 2)
        let problem = RowProblem(.notJSON, "bad")
        for (file, count) in [("a.jsonl", 5), ("b.jsonl", 1), ("c.jsonl", 3)] {
            for line in 1...count {
                try writer.record(Rejection(file: file, line: line, problem: line == 1 ? RowProblem(.notObject, "x") : problem,
                                            raw: "r", rawTruncated: line == 2))
            }
            try writer.finishFile(file)
        }
        try writer.close()
        #expect(try folder.text("r.jsonl") == """
            {"file":"a.jsonl","line":1,"reason":"not_object","detail":"x","raw":"r"}
            {"file":"a.jsonl","line":2,"reason":"not_json","detail":"bad","raw":"r","raw_truncated":true}
            {"file":"a.jsonl","reason":"more","count":3}
            {"file":"b.jsonl","line":1,"reason":"not_object","detail":"x","raw":"r"}
            {"file":"c.jsonl","line":1,"reason":"not_object","detail":"x","raw":"r"}
            {"file":"c.jsonl","line":2,"reason":"not_json","detail":"bad","raw":"r","raw_truncated":true}
            {"file":"c.jsonl","reason":"more","count":1}

            """)
        #expect(writer.countsByReason == [.notObject: 3, .notJSON: 6])
    }
}
