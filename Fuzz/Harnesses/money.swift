// Fuzzes money parsing: any accepted number prints to text that parses back to the same
// amount, and the printed form follows the 2-or-3..6-decimals rule.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMoney(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard case let .value(money) = Money.parse(UnsafeRawBufferPointer(start: data, count: size)) else { return 0 }
    let printed = money.description
    guard case let .value(again) = Money.parse(printed), again == money else {
        fatalError("\(money.micros) printed as \(printed) does not parse back")
    }
    let decimals = printed.split(separator: ".").last?.count ?? 0
    if !(decimals == 2 || (3...6).contains(decimals)) { fatalError("bad decimals in \(printed)") }
    return 0
}
