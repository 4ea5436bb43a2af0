import Foundation
import Testing
@testable import ReconKit

@Suite("JSON line scanner")
struct JSONLineScannerTests {
    private func scan(_ text: String) -> (JSONScanFailure?, [JSONMember]) {
        var members: [JSONMember] = []
        let failure = Array(text.utf8).withUnsafeBytes { JSONLineScanner.scan($0, into: &members) }
        return (failure, members)
    }

    static let lines = [
        #"{}"#, #"{"a":1}"#, #" { "a" : [1, {"b": [true, false, null]}, "x\"y"] , "c": -0.5e-3 } "#,
        #"{"a":"\u00e9\ud83d\ude00"}"#, #"{"a":{}}"#, #"{"a":[]}"#, #"{"a":[[[[[]]]]]}"#,
        #"[1,2]"#, #""text""#, #"42"#, #"null"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":01}"#, #"{"a":1.}"#,
        #"{"a":.5}"#, #"{"a":tru}"#, #"{"a":"\x"}"#, #"{"a":"\u12"}"#, #"{"a":[1,]}"#, #"{"a":[1 2]}"#,
        #"{"a":1}}"#, #"{"a":1} x"#, #"{a:1}"#, #"{"a":"unterminated}"#, #"{"a":{"b":1}"#,
        "{\"a\":\"tab\tinside\"}", #"{"a":-}"#, #"{"a":1e}"#, #"{"a":[{"b":1},{"c":[2]}]}"#, "",
        #"{"a":NaN}"#, #"{"a":"x","b":{"c":"}"}}"#,
    ]

    /// Trailing commas, which Foundation's parser accepts but RFC 8259 does not.
    static let foundationLenient: Set<String> = [#"{"a":1,}"#, #"{"a":[1,]}"#]

    @Test("agrees with Foundation on what is valid JSON and what is an object", arguments: lines)
    func agreesWithFoundation(line: String) {
        let (failure, _) = scan(line)
        let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        if Self.foundationLenient.contains(line) {
            #expect(parsed != nil, "Foundation became strict: drop \(line) from the lenient list")
            #expect(failure != nil && failure != .notObject, "\(line)")
        } else if parsed == nil {
            #expect(failure != nil && failure != .notObject, "\(line)")
        } else if parsed is [String: Any] {
            #expect(failure == nil, "\(line)")
        } else {
            #expect(failure == .notObject, "\(line)")
        }
    }

    @Test("records top-level members with their kinds and ranges")
    func members() throws {
        let line = #"{"s":"a\"b","n":12.5,"o":{"x":[1]},"t":true,"z":null}"#
        let (failure, members) = scan(line)
        #expect(failure == nil)
        let bytes = Array(line.utf8)
        #expect(members.map(\.kind) == [.string, .number, .object, .true, .null])
        #expect(String(decoding: bytes[members[0].value], as: UTF8.self) == #"a\"b"#)
        #expect(members[0].valueHasEscapes)
        #expect(String(decoding: bytes[members[1].value], as: UTF8.self) == "12.5")
        #expect(String(decoding: bytes[members[2].value], as: UTF8.self) == #"{"x":[1]}"#)
    }

    @Test("deep nesting does not recurse")
    func deepNesting() {
        let deep = "{\"a\":" + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}"
        #expect(scan(deep).0 == nil)
        let tooDeep = "{\"a\":" + String(repeating: "[", count: 20000) + String(repeating: "]", count: 20000) + "}"
        #expect(scan(tooDeep).0 == .notJSON("nested too deeply"))
    }

    @Test("string escapes decode to UTF-8, lone surrogates to U+FFFD")
    func stringDecoding() {
        func decode(_ text: String) -> String {
            String(decoding: Array(text.utf8).withUnsafeBytes { JSONStringDecoder.decode($0) }, as: UTF8.self)
        }
        #expect(decode(#"a\"b\\c\/d\n"#) == "a\"b\\c/d\n")
        #expect(decode(#"\u00e9\ud83d\ude00"#) == "é😀")
        #expect(decode(#"\ud83d"#) == "\u{FFFD}")
    }

    @Test("UTF-8 validation agrees with the standard library", arguments: [
        [0x61], [0xC3, 0xA9], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF0, 0x9F, 0x98, 0x80], [0xE2, 0x82], [0xFF], [0xEF, 0xBF, 0xBD],
    ] as [[UInt8]])
    func utf8(bytes: [UInt8]) {
        let expected = String(validating: bytes, as: UTF8.self) != nil
        #expect(bytes.withUnsafeBytes { UTF8Validation.isValid($0) } == expected)
    }

    @Test("the plain-integer fast path takes only plain integers, and agrees with the general number path",
          arguments: [
              ("0", 0), ("7", 7), ("4821", 4821), ("999999999999999999", 999_999_999_999_999_999),
              ("007", nil), ("-1", nil), ("1.0", nil), ("1e2", nil), ("", nil), ("12a", nil), ("+5", nil),
              ("1000000000000000000", nil),
          ] as [(String, Int64?)])
    func plainIntegers(text: String, expected: Int64?) {
        var text = text
        text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            #expect(JSONNumberText.plainInteger(bytes) == expected)
            if let expected { #expect(JSONNumberText(bytes)?.scaled(toDecimals: 0) == expected) }
        }
    }
}

@Suite("C JSON line scanner")
struct NativeJSONLineScannerTests {
    /// Lines beyond the Swift scanner's own test lines: specials on each side of the 8- and
    /// 16-byte steps, control bytes, escapes cut at the end, more members than the first buffer.
    static let lines = JSONLineScannerTests.lines + [
        #"{"abcdefghijklmno":"p"}"#, #"{"abcdefghijklmnop":"q"}"#, #"{"k":"0123456789abcdef\"0123456789abcdef"}"#,
        "{\"k\":\"0123456789abcde\u{1F}\"}", "{\"k\":\"0123456\u{7F}89abcdef\"}", #"{"k":"0123456789abcdef\"#,
        #"{"k":"0123456789abcde\u00"}"#, #"{"k":"\uABCD\uabcd\u0000"}"#, #"{"k":"\/\b\f\n\r\t\\"}"#,
        #"{"k":"é€😀 0123456789"}"#, #"{"k":1e+5,"l":-0,"m":-0.0E-0,"n":1.5e999999}"#, #"{"k":--1}"#,
        #"{"k":+1}"#, #"{"k":1.2.3}"#, #"{"k":1e5e5}"#, #"{"k":truex}"#, #"{"k":nul}"#, #"{"k":fals"#,
        #"  {"k" : { "a" : [ 1 , 2 ] } , "l" : [ ] }  "#, "{\"k\":1}\r", "{\"k\":\n1}", #"{"":""}"#,
        #"{"k":{"a":1,"a":2}}"#, #"{"k":{1:2}}"#, #"{"k":{"a"}}"#, #"{"k":[1}"#, #"{"k":{"a":1]}"#,
        #"[{"a":1}]"#, #"  "x"  "#, #"-"#, #"tru"#, #"{"#, #"}"#, #"{"a":1"#, #"{"a":"#, #"{"a""#,
        "{" + (0..<200).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}",
        "{\"k\":" + String(repeating: "{\"a\":", count: 9999) + "1" + String(repeating: "}", count: 9999) + "}",
        "{\"k\":" + String(repeating: "[", count: 10001) + String(repeating: "]", count: 10001) + "}",
    ]

    @Test("reaches the Swift scanner's verdict, message and members", arguments: lines)
    func agreesWithSwiftScanner(line: String) {
        let bytes = Array(line.utf8)
        var expected: [JSONMember] = []
        var members: [JSONMember] = []
        let swiftVerdict = bytes.withUnsafeBytes { JSONLineScanner.scan($0, into: &expected) }
        let nativeVerdict = bytes.withUnsafeBytes { NativeJSONLineScanner.scan($0, into: &members) }
        #expect(nativeVerdict == swiftVerdict)
        guard swiftVerdict == nil else { return }
        #expect(members.map(\.key) == expected.map(\.key))
        #expect(members.map(\.value) == expected.map(\.value))
        #expect(members.map(\.kind) == expected.map(\.kind))
        #expect(members.map(\.keyHasEscapes) == expected.map(\.keyHasEscapes))
        #expect(members.map(\.valueHasEscapes) == expected.map(\.valueHasEscapes))
    }

    @Test("records members and failures worked out by hand")
    func knownResults() {
        let line = #"{"a\"":"x\ny", "b" : 12.5e3 ,"c":[1,{"d":2}]}"#
        var members: [JSONMember] = []
        let verdict = Array(line.utf8).withUnsafeBytes { NativeJSONLineScanner.scan($0, into: &members) }
        #expect(verdict == nil)
        #expect(members.map(\.key) == [2..<5, 16..<17, 30..<31])
        #expect(members.map(\.value) == [8..<12, 21..<27, 33..<44])
        #expect(members.map(\.kind) == [.string, .number, .array])
        #expect(members.map(\.keyHasEscapes) == [true, false, false])
        #expect(members.map(\.valueHasEscapes) == [true, false, false])
        func failure(_ text: String) -> JSONScanFailure? {
            var ignored: [JSONMember] = []
            return Array(text.utf8).withUnsafeBytes { NativeJSONLineScanner.scan($0, into: &ignored) }
        }
        #expect(failure(#"{"a":1,}"#) == .notJSON("expected a key"))
        #expect(failure(#"{"a":"x"#) == .notJSON("string never closes"))
        #expect(failure(#"{"a":"\q"}"#) == .notJSON("bad escape"))
        #expect(failure(#"{"a":01}"#) == .notJSON("not a valid JSON value"))
        #expect(failure(#"{"a":1} 2"#) == .notJSON("text after the object"))
        #expect(failure(#"[1]"#) == .notObject)
    }

    @Test("UTF-8 validation agrees with the standard library", arguments: [
        [0x61], [0xC3, 0xA9], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF0, 0x9F, 0x98, 0x80], [0xE2, 0x82], [0xFF], [0xEF, 0xBF, 0xBD], [],
        Array("0123456789abcdef0123456789abcdef".utf8) + [0xC3, 0xA9],
        Array("0123456789abcdef0123456789abcde".utf8) + [0xE2, 0x82],
        Array("0123456789abcdef".utf8) + [0xF0, 0x9F, 0x98, 0x80] + Array("0123456789abcdef".utf8) + [0x80],
    ] as [[UInt8]])
    func utf8(bytes: [UInt8]) {
        let expected = String(validating: bytes, as: UTF8.self) != nil
        #expect(bytes.withUnsafeBytes { NativeJSONLineScanner.isValidUTF8($0) } == expected)
    }
}
