/// Why settings could not be built: the executable prints the message and exits 1.
public struct FetchSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}
