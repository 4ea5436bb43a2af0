/// What stops a fetch as a whole.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401 or 403: the key is wrong, expired, revoked or lacks a scope.
    case unauthorized(request: String, FetchFailure)
    /// The ping or the campaign list still failed after its attempts.
    case requestFailed(request: String, FetchFailure)
    /// The fetch folder or one of its files could not be written.
    case file(path: String, reason: String)
    /// A campaign id the API returned or the user gave cannot name a file.
    case badCampaignID(String)
    /// `base_url` or `--base-url` is not an http(s) URL.
    case badBaseURL(String)

    public var description: String {
        switch self {
        case .unauthorized(let request, let failure):
            "\(request): the API refused the key (\(failure)); check SOUNDLINK_API_KEY and its scopes campaigns:read and metrics:read"
        case .requestFailed(let request, let failure): "\(request) failed: \(failure)"
        case .file(let path, let reason): "\(path): \(reason)"
        case .badCampaignID(let id): "campaign id '\(id)' cannot name a file (letters, digits, '-', '_' and '.' only)"
        case .badBaseURL(let url): "base URL '\(url)' is not an http:// or https:// URL"
        }
    }
}
