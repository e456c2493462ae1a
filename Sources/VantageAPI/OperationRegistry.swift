import Foundation
import VantageCore
import VantageDependencies

/// A long operation the API started (`202 Accepted`), read back at `GET /api/v1/operations/{id}`.
struct OperationView: Encodable, Sendable {
    var id: String
    /// What it does: `dependencies-update`.
    var kind: String
    var project: String
    /// running, succeeded (the work ran to its end; `result` says what it found and kept) or failed
    /// (`error` says why).
    var status: String
    var started: Date
    var finished: Date?
    var result: DependencyUpdateRun?
    var error: String?
}

/// The operations of this daemon run, newest last; the oldest finished ones are forgotten past
/// `capacity`. One operation of a kind runs per project at a time.
actor OperationRegistry {
    private var operations: [String: OperationView] = [:]
    private var order: [String] = []
    let capacity: Int

    init(capacity: Int = 100) { self.capacity = capacity }

    /// Starts `work` off the cooperative pool, or nil when one of that kind runs for the project.
    func start(kind: String, project: String, work: @escaping @Sendable () throws(VantageError) -> DependencyUpdateRun) -> OperationView? {
        guard !operations.values.contains(where: { $0.kind == kind && $0.project == project && $0.status == "running" }) else { return nil }
        let view = OperationView(id: UUID().uuidString.lowercased(), kind: kind, project: project, status: "running", started: Date())
        operations[view.id] = view
        order.append(view.id)
        forgetOldest()
        let id = view.id
        DispatchQueue.global(qos: .utility).async {
            let outcome = Result(catching: work)
            Task { await self.finish(id, outcome) }
        }
        return view
    }

    func operation(_ id: String) -> OperationView? { operations[id] }

    private func finish(_ id: String, _ outcome: Result<DependencyUpdateRun, VantageError>) {
        guard var view = operations[id] else { return }
        view.finished = Date()
        switch outcome {
        case .success(let run): view.status = "succeeded"; view.result = run
        case .failure(let error): view.status = "failed"; view.error = error.description
        }
        operations[id] = view
    }

    private func forgetOldest() {
        while order.count > capacity, let oldest = order.firstIndex(where: { operations[$0]?.status != "running" }) {
            operations[order.remove(at: oldest)] = nil
        }
    }
}
