/// A fixed-capacity ring buffer of numbers, oldest first. It never grows past `capacity`.
public struct Series: Sendable, Equatable, Codable {
    public let capacity: Int
    private var storage: [Double]
    private var head = 0   // index of the oldest element once full

    public init(capacity: Int) {
        precondition(capacity > 0, "Series capacity must be positive")
        self.capacity = capacity
        storage = []
        storage.reserveCapacity(capacity)
    }

    public init(capacity: Int, values: [Double]) {
        self.init(capacity: capacity)
        for v in values { append(v) }
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    public mutating func append(_ value: Double) {
        if storage.count < capacity {
            storage.append(value)
        } else {
            storage[head] = value
            head = (head + 1) % capacity
        }
    }

    /// Values from oldest to newest.
    public var values: [Double] {
        if storage.count < capacity || head == 0 { return storage }
        return Array(storage[head...] + storage[..<head])
    }

    /// The newest `n` values, oldest first.
    public func suffix(_ n: Int) -> [Double] { Array(values.suffix(n)) }

    public var last: Double? {
        guard !storage.isEmpty else { return nil }
        return storage.count < capacity ? storage.last : storage[(head + capacity - 1) % capacity]
    }

    public var max: Double? { storage.max() }
}
