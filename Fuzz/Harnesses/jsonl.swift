import Foundation

// Fuzzes the JSONL row path: UTF-8 check, JSON scanning, field lookup and both row decoders.
// Invariants besides "no crash": a line the scanner accepts is also JSON to Foundation
// (checked where Foundation's own limits do not apply: no exponents, no \u escapes), and the
// long-lived parser (with its caches of the previous line's keys and texts) reaches the same
// verdict as a fresh one.
nonisolated(unsafe) private let pool = StringPool()
nonisolated(unsafe) private let parser = ExportLineParser(pool: pool)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = UnsafeRawBufferPointer(start: data, count: size)
    pool.removeAll()
    let origin = RowOrigin(file: 0, line: 1)
    var accepted = false
    do throws(RowProblem) {
        try parser.load(line)
        accepted = true
        _ = try BreakdownRow(parser, origin: origin)
    } catch {}
    do throws(RowProblem) {
        try parser.load(line)
        _ = try EngagementRow(parser, origin: origin)
    } catch {}
    let fresh = ExportLineParser(pool: StringPool())
    var freshVerdict: RowProblem?
    var cachedVerdict: RowProblem?
    do throws(RowProblem) { try fresh.load(line); _ = try EngagementRow(fresh, origin: origin) } catch { freshVerdict = error }
    do throws(RowProblem) { try parser.load(line); _ = try EngagementRow(parser, origin: origin) } catch { cachedVerdict = error }
    if freshVerdict != cachedVerdict {
        fatalError("cached and fresh parsers disagree on: \(String(decoding: line, as: UTF8.self))")
    }
    let text = Data(line)
    if accepted, !text.contains(UInt8(ascii: "e")), !text.contains(UInt8(ascii: "E")), !text.contains(UInt8(ascii: "\\")),
       (try? JSONSerialization.jsonObject(with: text)) == nil {
        fatalError("scanner accepted what Foundation rejects: \(String(decoding: line, as: UTF8.self))")
    }
    return 0
}
