/// A dictionary whose entries expire and whose size is bounded: when full, expired entries are purged and, if
/// that frees nothing, an arbitrary entry is evicted. A flood of distinct credentials therefore costs memory up
/// to `capacity`, never more.
struct ExpiringMap<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private var entries: [Key: (value: Value, expires: ContinuousClock.Instant)] = [:]
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { entries.count }

    mutating func value(for key: Key, now: ContinuousClock.Instant) -> Value? {
        guard let entry = entries[key] else { return nil }
        guard entry.expires > now else {
            entries[key] = nil
            return nil
        }
        return entry.value
    }

    mutating func insert(_ value: Value, for key: Key, expires: ContinuousClock.Instant, now: ContinuousClock.Instant) {
        if entries[key] == nil && entries.count >= capacity {
            entries = entries.filter { $0.value.expires > now }
            if entries.count >= capacity { entries.remove(at: entries.startIndex) }
        }
        entries[key] = (value, expires)
    }

    mutating func removeAll() {
        entries.removeAll()
    }
}
