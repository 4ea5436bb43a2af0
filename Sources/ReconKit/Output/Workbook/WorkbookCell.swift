/// How a report field becomes a workbook cell (SPEC §12, §13 "Workbook cells").
enum WorkbookCell: Equatable {
    /// A string cell holding the text itself (never a formula, never a `'` prefix).
    case text(String)
    /// An integer count, from its printed digits.
    case count(String)
    /// Money from its exact printed decimal text; shown with 2 decimals.
    case money(String)
    /// A share or rate printed with 6 decimals; shown with 6 decimals.
    case share(String)
    /// No cell (an empty CSV field).
    case empty

    /// The cell of a typed report field: text as itself (empty text is no cell), counts, money and shares as numbers.
    init(_ field: ReportField, pool: StringPool) {
        switch field {
        case .text, .pooled, .rawIdentifier, .day:
            let text = field.printed(pool)
            self = text.isEmpty ? .empty : .text(text)
        case let .count(value): self = .count(String(value))
        case let .money(value): self = .money(value.description)
        case let .share(value): self = .share(value.description)
        case .empty: self = .empty
        }
    }

    /// A column's kind by its name (it sets the column's width).
    enum Kind {
        case text, count, money, share

        /// Counts, money and shares by column name; everything else (dates too) is text.
        init(column: String) {
            switch column {
            case "spend_media", "fees", "spend_total", "difference": self = .money
            case "spend_share", "unmatched_rate": self = .share
            case "campaigns", "days", "rows", "impressions", "ad_clicks", "link_clicks", "streams", "listeners",
                 "followers", "provisional_rows", "countries", "new_listener_streams", "returning_listener_streams",
                 "peak_daily_listeners", "line":
                self = .count
            default: self = .text
            }
        }
    }
}
