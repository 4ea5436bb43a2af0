/// Figures as `report.html` shows them to people: thousands separators and currency codes.
/// The CSVs keep the exact machine format; this only regroups the same digits.
enum PeopleFormat {
    /// Printed money (`-1234567.50`) with separators and its currency: `-1,234,567.50 USD`.
    static func money(_ printed: String, _ currency: String) -> String {
        let negative = printed.hasPrefix("-")
        let unsigned = negative ? String(printed.dropFirst()) : printed
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + grouped(String(parts[0])) + fraction + (currency.isEmpty ? "" : " " + currency)
    }

    /// A count with separators: `12,345`.
    static func count(_ value: some BinaryInteger) -> String {
        (value < 0 ? "-" : "") + grouped(String(value.magnitude))
    }

    /// A printed count with separators; other text is returned as it is.
    static func count(_ printed: String) -> String {
        Int128(printed).map { count($0) } ?? printed
    }

    /// Digits grouped by three from the right.
    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }
}
