/// The API key: it never prints, so that no description, log line or error message can carry it.
public struct APIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let secret: String

    /// Nil when the text is empty.
    public init?(_ secret: String) {
        guard !secret.isEmpty else { return nil }
        self.secret = secret
    }

    public var description: String { "<API key>" }
    public var debugDescription: String { "<API key>" }
    var authorization: String { "Bearer " + secret }
}
