/// An array-backed queue with amortised O(1) removal from the front.
struct FIFO<Element> {
    private var items: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }

    mutating func append(contentsOf elements: [Element]) { items.append(contentsOf: elements) }

    mutating func popFirst() -> Element? {
        guard head < items.count else { return nil }
        let element = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return element
    }

    /// Removes and returns every element matching `predicate`, keeping the order of the rest.
    mutating func removeAll(where predicate: (Element) -> Bool) -> [Element] {
        let live = items[head...]
        let removed = live.filter(predicate)
        guard !removed.isEmpty else { return [] }
        items = live.filter { !predicate($0) }
        head = 0
        return removed
    }
}
