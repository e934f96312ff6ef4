/// Exponential backoff with full jitter, so replicas reconnecting after a broker restart do not stampede.
public struct Backoff: Sendable {
    public var initial: Duration
    public var maximum: Duration
    private var attempt = 0

    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(5)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The delay before the next attempt; each call doubles the ceiling up to `maximum`.
    public mutating func next() -> Duration {
        let ceiling = min(maximum, initial * (1 << min(attempt, 20)))
        attempt += 1
        let fraction = Double.random(in: 0.5...1.0)
        return ceiling * fraction
    }

    public mutating func reset() { attempt = 0 }
}
