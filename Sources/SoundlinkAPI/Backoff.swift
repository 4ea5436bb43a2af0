/// Exponential back-off: `base` doubling per failed attempt, at most `cap`, with jitter.
public struct Backoff: Sendable {
    public let base: Double
    public let cap: Double

    public init(base: Double, cap: Double) {
        self.base = base
        self.cap = cap
    }

    /// The wait after failed attempt `attempt` (1-based): between half and all of the doubled delay,
    /// so that windows fetched at once do not retry in step.
    public func delay(afterAttempt attempt: Int, random: Double = Double.random(in: 0...1)) -> Double {
        let full = min(cap, base * Double(1 << min(max(attempt - 1, 0), 30)))
        return full * (0.5 + 0.5 * random)
    }
}
