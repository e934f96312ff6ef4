/// TraceT judges events by group: every event with the same trigger id (TrigID, AMON_ID, GraceID, ...).
enum EventGroups {
    /// Groups in order of their first event, events in arrival order; an event without a trigger id stands alone.
    static func group(_ events: [AlertEvent]) -> [[AlertEvent]] {
        var groups: [[AlertEvent]] = []
        var index: [String: Int] = [:]
        for event in events {
            if let id = event.trigId, let at = index[id] {
                groups[at].append(event)
            } else {
                event.trigId.map { index[$0] = groups.count }
                groups.append([event])
            }
        }
        return groups
    }
}
