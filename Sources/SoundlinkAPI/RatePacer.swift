/// Spaces requests so that no 60 seconds hold more than `perMinute` of them and no hour more
/// than `perHour`, and holds every request while a 429 pause is on (the limit is per key).
public actor RatePacer {
    private let perMinute: Int
    private let perHour: Int
    private let clock: any FetchClock
    /// Start times of the requests of the last hour, oldest first.
    private var sent: [Double] = []
    private var pausedUntil = -Double.infinity
    private var waiting = 0
    private let onWaiting: @Sendable (Int) -> Void

    public init(perMinute: Int, perHour: Int, clock: any FetchClock, onWaiting: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.perMinute = max(1, perMinute)
        self.perHour = max(1, perHour)
        self.clock = clock
        self.onWaiting = onWaiting
    }

    /// Returns when a request may start, and counts it as started.
    public func acquire() async throws {
        var counted = false
        defer {
            if counted {
                waiting -= 1
                onWaiting(waiting)
            }
        }
        while true {
            let now = clock.now()
            sent.removeFirst(sent.prefix { $0 <= now - 3600 }.count)
            var until = pausedUntil
            if sent.count >= perHour { until = max(until, sent[sent.count - perHour] + 3600) }
            let lastMinute = sent.reversed().prefix { $0 > now - 60 }.count
            if lastMinute >= perMinute { until = max(until, sent[sent.count - perMinute] + 60) }
            if until <= now {
                sent.append(now)
                return
            }
            if !counted {
                counted = true
                waiting += 1
                onWaiting(waiting)
            }
            try await clock.sleep(seconds: until - now)
        }
    }

    /// Holds every request until `seconds` from now (after a 429).
    public func pause(seconds: Double) {
        pausedUntil = max(pausedUntil, clock.now() + seconds)
    }
}
