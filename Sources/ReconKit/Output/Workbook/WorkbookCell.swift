/// How a printed report field becomes a workbook cell (SPEC §12, §13 "Workbook cells").
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

    /// The kind a report column's fields take, by the column's name.
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

        /// The cell for one printed field; an empty field is no cell.
        func cell(_ field: String) -> WorkbookCell {
            if field.isEmpty { return .empty }
            switch self {
            case .text: return .text(field)
            case .count: return .count(field)
            case .money: return .money(field)
            case .share: return .share(field)
            }
        }
    }
}
