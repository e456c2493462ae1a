import VantageCore

/// One operation at a time per project: a launch and a stop of the same project never interleave.
/// Used from the supervisor actor only, so plain state is safe.
struct ProjectLocks {
    private var held: Set<ProjectID> = []
    private var waiters: [ProjectID: [CheckedContinuation<Void, Never>]] = [:]

    /// Returns true when the lock was taken at once; otherwise the caller must wait with `enqueue`.
    mutating func tryAcquire(_ id: ProjectID) -> Bool {
        if held.contains(id) { return false }
        held.insert(id)
        return true
    }

    mutating func enqueue(_ id: ProjectID, _ c: CheckedContinuation<Void, Never>) {
        waiters[id, default: []].append(c)
    }

    /// Hands the lock to the next waiter, or frees it.
    mutating func release(_ id: ProjectID) {
        if var queue = waiters[id], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[id] = queue
            next.resume()
        } else {
            held.remove(id)
        }
    }
}
