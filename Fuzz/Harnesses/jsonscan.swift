// Fuzzes the C scanner of the export readers (Sources/CJSONLine) against the Swift scanner it
// ports: for every input, the same UTF-8 verdict, the same scan verdict and failure message,
// and the same members (key and value ranges, kinds, escape flags). The C scanner's member
// buffer starts small, so that lines with more members take its regrow path.
nonisolated(unsafe) private var buffer = UnsafeMutableBufferPointer<JSONMember>.allocate(capacity: 2)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONScan(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = UnsafeRawBufferPointer(start: data, count: size)
    let shown = String(decoding: line, as: UTF8.self)
    if UTF8Validation.isValid(line) != NativeJSONLineScanner.isValidUTF8(line) {
        fatalError("UTF-8 verdicts differ on: \(shown)")
    }
    var expected: [JSONMember] = []
    let swiftVerdict = JSONLineScanner.scan(line, into: &expected)
    var count = 0
    let nativeVerdict = NativeJSONLineScanner.scan(line, into: &buffer, count: &count)
    if swiftVerdict != nativeVerdict {
        fatalError("verdicts differ (\(String(describing: swiftVerdict)) vs \(String(describing: nativeVerdict))) on: \(shown)")
    }
    guard swiftVerdict == nil else { return 0 }
    let same = expected.count == count && zip(expected, buffer[0..<count]).allSatisfy { lhs, rhs in
        lhs.key == rhs.key && lhs.value == rhs.value && lhs.kind == rhs.kind
            && lhs.keyHasEscapes == rhs.keyHasEscapes && lhs.valueHasEscapes == rhs.valueHasEscapes
    }
    if !same { fatalError("members differ on: \(shown)") }
    return 0
}
