/// One field of a typed report line, as the CSV writer and the workbook take it: text stays
/// text, counts and money stay numbers until they are printed (SPEC §4, §6).
enum ReportField {
    /// Text as it is printed (the tool's words, dates, catalog text, file paths).
    case text(String)
    /// An interned input text, copied as bytes when written.
    case pooled(TextID)
    /// An identifier's raw text: guarded against formulas only when it did not validate (SPEC §13).
    case rawIdentifier(TextID, RawIdentifierKind)
    /// An integer count.
    case count(Int128)
    /// Money, printed per SPEC §4.
    case money(MoneyTotal)
    /// A share printed with 6 decimals.
    case share(Rate)
    /// A date, printed `YYYY-MM-DD` (text in a workbook).
    case day(CalendarDay)
    /// Nothing printed.
    case empty

    /// Which validation decides whether a raw identifier is guarded.
    enum RawIdentifierKind {
        case isrc, spotifyTrackID

        /// Whether the raw text gets the formula guard: it starts like a formula and did not validate.
        func guards(_ raw: UnsafeRawBufferPointer) -> Bool {
            guard FormulaGuard.needsGuard(raw) else { return false }
            let identifier = switch self {
            case .isrc: ISRC.normalize(bytes: raw)
            case .spotifyTrackID: SpotifyTrackID.normalize(bytes: raw)
            }
            if case .valid = identifier { return false }
            return true
        }
    }

    /// A count held as an `Int`.
    static func integer(_ value: Int) -> ReportField { .count(Int128(value)) }

    /// Money of one amount.
    static func amount(_ value: Money) -> ReportField { .money(MoneyTotal(micros: Int128(value.micros))) }

    /// The field as printed, without the formula guard (what a workbook cell shows).
    func printed(_ pool: StringPool) -> String {
        switch self {
        case let .text(text): text
        case let .pooled(id), let .rawIdentifier(id, _): pool.string(id)
        case let .count(value): String(value)
        case let .money(value): value.description
        case let .share(value): value.description
        case let .day(day): day.description
        case .empty: ""
        }
    }
}
