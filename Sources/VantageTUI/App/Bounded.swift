/// A list that keeps only its newest `capacity` elements, oldest first; elements are appended,
/// and taken out only when what they stood for has ended (a resolved alert).
public struct Bounded<Element: Sendable & Equatable>: Sendable, Equatable {
    public let capacity: Int
    public private(set) var items: [Element] = []

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    public var count: Int { items.count }
    public var isEmpty: Bool { items.isEmpty }

    public mutating func append(_ e: Element) {
        items.append(e)
        // Trim in batches so appends stay amortised O(1) instead of shifting on every call.
        if items.count >= capacity + max(1, capacity / 4) { items.removeFirst(items.count - capacity) }
    }

    public mutating func removeAll(where shouldBeRemoved: (Element) throws -> Bool) rethrows {
        try items.removeAll(where: shouldBeRemoved)
    }

    /// The newest `capacity` elements, oldest first.
    public var elements: ArraySlice<Element> { items.suffix(capacity) }
}
