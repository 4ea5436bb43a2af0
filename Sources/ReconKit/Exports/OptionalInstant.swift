/// An optional `Instant` in the 12 bytes of an `Instant`, without an Optional's padding:
/// absent is stored as negative nanoseconds, which parsing never yields.
struct OptionalInstant: Sendable {
    private let stored: Instant

    init(_ instant: Instant?) {
        stored = instant ?? Instant(seconds: 0, nanoseconds: -1)
    }

    var instant: Instant? { stored.nanoseconds < 0 ? nil : stored }
}
