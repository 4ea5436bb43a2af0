import Foundation

// Fuzzes the strict configuration parser: no crash on any bytes (deep nesting is refused, not
// recursed into), and a document it accepts is also JSON to Foundation (where Foundation's own
// number limits do not apply: no exponents).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? ConfigJSON.parse(bytes) else { return 0 }
    _ = document.kindName
    let text = Data(bytes)
    if !text.contains(UInt8(ascii: "e")), !text.contains(UInt8(ascii: "E")),
       (try? JSONSerialization.jsonObject(with: text, options: [.fragmentsAllowed])) == nil {
        fatalError("accepted what Foundation rejects: \(String(decoding: bytes, as: UTF8.self))")
    }
    return 0
}
