/// The totals in an overview response body: `{"data":{…},"meta":…}` or the bare `data` object.
///
/// Numbers are read from their JSON text (money exactly, never through a binary float).
/// A measure that is null or absent is "not reported".
struct OverviewBody {
    /// Why a body does not fit.
    struct Problem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private(set) var currency: String?
    private(set) var values: [TieOutMeasure: Int128] = [:]

    init(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { all in
            guard UTF8Validation.isValid(all) else { throw Problem("not valid UTF-8") }
            let top = try Self.members(all)
            var object = all
            var members = top
            if let data = top.first(where: { $0.name == "data" }) {
                guard data.member.kind == .object else { throw Problem("\"data\" is not an object") }
                object = UnsafeRawBufferPointer(rebasing: all[data.member.value])
                members = try Self.members(object)
            } else if top.contains(where: { $0.name == "error" }) {
                throw Problem("an error response, not an overview")
            }
            try read(members, in: object)
        }
    }

    private mutating func read(_ members: [(name: String, member: JSONMember)], in object: UnsafeRawBufferPointer) throws {
        var seen = Set<String>()
        var anyMeasure = false
        for (name, member) in members {
            let measure = TieOutMeasure(rawValue: name)
            guard measure != nil || name == "currency" else { continue }
            guard seen.insert(name).inserted else { throw Problem("\(name): given twice") }
            let text = UnsafeRawBufferPointer(rebasing: object[member.value])
            if name == "currency" {
                if member.kind == .null { continue }
                let code = String(decoding: text, as: UTF8.self)
                guard member.kind == .string, code.utf8.count == 3, code.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
                else { throw Problem("currency: expected a three-letter code") }
                currency = code.uppercased()
                continue
            }
            guard let measure else { continue }
            anyMeasure = true
            if member.kind == .null { continue }
            guard member.kind == .number else { throw Problem("\(name): expected a number or null") }
            values[measure] = measure.isMoney ? try Self.money(text, name) : try Self.count(text, name)
        }
        guard anyMeasure else { throw Problem("no overview measure (streams, spend_total, …) in the body") }
        if currency == nil, values.keys.contains(where: \.isMoney) {
            throw Problem("currency: missing, but the overview has money")
        }
    }

    private static func count(_ text: UnsafeRawBufferPointer, _ name: String) throws -> Int128 {
        guard let number = JSONNumberText(text), number.isInteger, let value = number.scaled(toDecimals: 0) else {
            throw Problem("\(name): expected an integer")
        }
        guard value >= 0 else { throw Problem("\(name): negative count") }
        return Int128(value)
    }

    private static func money(_ text: UnsafeRawBufferPointer, _ name: String) throws -> Int128 {
        switch Money.parse(text) {
        case .value(let money): return Int128(money.micros)
        case .outOfRange: throw Problem("\(name): beyond the money range")
        case .notANumber: throw Problem("\(name): expected a number")
        }
    }

    /// The members of the JSON object in `bytes`, with decoded key names.
    private static func members(_ bytes: UnsafeRawBufferPointer) throws -> [(name: String, member: JSONMember)] {
        var members: [JSONMember] = []
        switch JSONLineScanner.scan(bytes, into: &members) {
        case .notJSON(let detail): throw Problem("not JSON: \(detail)")
        case .notObject: throw Problem("not a JSON object")
        case nil: break
        }
        return members.map { member in
            let key = UnsafeRawBufferPointer(rebasing: bytes[member.key])
            let name = member.keyHasEscapes
                ? String(decoding: JSONStringDecoder.decode(key), as: UTF8.self) : String(decoding: key, as: UTF8.self)
            return (name, member)
        }
    }
}
