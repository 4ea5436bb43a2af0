import Foundation
import Testing
@testable import ReconKit
import TestSupport

@Suite("Configuration file")
struct ConfigFileTests {
    /// A document and the key and reason of the error it must give.
    static let refused: [(json: String, key: String?, reason: String)] = [
        (#"{"month": "2026-04", "month": "2026-05"}"#, "month", "given twice"),
        (#"{"catalogs": [{"path": "a.csv"}], "catalogs": []}"#, "catalogs", "given twice"),
        (#"{"catalogs": [{"path": "a.csv", "path": "b.csv"}]}"#, "catalogs[0].path", "given twice"),
        (#"{"catalogs": [{"path": "a.csv", "columns": {"isrc": "A", "isrc": "B"}}]}"#, "catalogs[0].columns.isrc", "given twice"),
        (#"{"_note": "a", "_note": "b"}"#, "_note", "given twice"),
        (#"{"max_unmatched_rate": true}"#, "max_unmatched_rate", "must be a number from 0 to 1, not true or false"),
        (#"{"max_unmatched_rate": "0.05"}"#, "max_unmatched_rate", "must be a number from 0 to 1, not a string"),
        (#"{"max_unmatched_rate": 1.000001}"#, "max_unmatched_rate", "must be a number from 0 to 1"),
        (#"{"max_unmatched_rate": -0.5}"#, "max_unmatched_rate", "must be a number from 0 to 1"),
        (#"{"strict": 1}"#, "strict", "must be true or false, not a number"),
        (#"{"require_final": "true"}"#, "require_final", "must be true or false, not a string"),
        (#"{"strict": null}"#, "strict", "must be true or false, not null"),
        (#"{"month": 202604}"#, "month", "must be a string, not a number"),
        (#"{"out": false}"#, "out", "must be a string, not true or false"),
        (#"{"breakdown": {"a": "b"}}"#, "breakdown", "must be a path or a list of paths, not an object"),
        (#"{"engagement": ["a", 1]}"#, "engagement[1]", "must be a string, not a number"),
        (#"{"catalogs": {"path": "a.csv"}}"#, "catalogs", "must be a list of catalogs, not an object"),
        (#"{"catalogs": [{"path": "a.csv", "columns": []}]}"#, "catalogs[0].columns", "must be an object, not a list"),
        (#"{"catalogs": [{"path": "a.csv", "name": ""}]}"#, "catalogs[0].name",
         "must not be empty (leave the key out for the file stem)"),
        (#"{"mnth": "2026-04"}"#, "mnth", "unknown key"),
        (#"{"month": "2026-04",}"#, nil, "not valid JSON (line 1: expected a key in quotes)"),
        ("{\n\"month\": \"2026-04\"\n\"out\": \"x\"}", nil, "not valid JSON (line 3: expected ',' or '}')"),
        (#"{"_deep": "# + String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "}",
         nil, "not valid JSON (line 1: nested too deeply)"),
        (#"[]"#, nil, "the top level must be a JSON object"),
        (#"{"month": "\uDDDD"}"#, nil, "not valid JSON (line 1: lone surrogate in a \\u escape)"),
        (#"{"month": "\uD800x"}"#, nil, "not valid JSON (line 1: lone surrogate in a \\u escape)"),
        (#"{"month": "2026-04"} {}"#, nil, "not valid JSON (line 1: text after the JSON value)"),
    ]

    @Test("duplicate keys, wrong kinds and bad JSON name the file and the key", arguments: refused)
    func refusedDocument(json: String, key: String?, reason: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("c.json", json)
        #expect(throws: ReconError.config(path: path, key: key, reason: reason)) { try ConfigFile.load(path) }
    }

    @Test("values are read exactly: the rate from the number's text, booleans only from true and false")
    func accepted() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("c.json", """
            \u{FEFF}{"_note": "x", "max_unmatched_rate": 0.30000000000000004, "strict": false, "require_final": true,
             "breakdown": "b\\uD83C\\uDFB5", "catalogs": [{"path": "a.csv", "columns": {"_note": "y", "isrc": "Code\\u00e9"}}]}
            """)
        let config = try ConfigFile.load(path)
        #expect(config.maxUnmatchedRate == Rate(millionths: 300_000))
        #expect(config.strict == false)
        #expect(config.requireFinal == true)
        #expect(config.breakdown == ["b🎵"])
        #expect(config.catalogs?.first?.columns[.isrc] == "Codeé")
        let small = try folder.write("d.json", #"{"max_unmatched_rate": 1e-1}"#)
        #expect(try ConfigFile.load(small).maxUnmatchedRate == Rate(millionths: 100_000))
    }
}
