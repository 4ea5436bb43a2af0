/// A figure compared between an overview and the breakdown rows, in `reconciliation.csv` order.
public enum TieOutMeasure: String, CaseIterable, Sendable {
    case streams, listeners, followers
    case impressions
    case adClicks = "ad_clicks"
    case linkClicks = "link_clicks"
    case spendMedia = "spend_media"
    case fees
    case spendTotal = "spend_total"

    /// Money (micro-units, summed per currency) rather than a count.
    public var isMoney: Bool {
        switch self {
        case .spendMedia, .fees, .spendTotal: true
        default: false
        }
    }

    /// The field name in the overview and in the breakdown rows.
    public var field: String { rawValue }
}
