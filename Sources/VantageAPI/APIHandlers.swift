import Foundation
import Synchronization
import Hummingbird
import HummingbirdCore
import VantageAnalyzer
import VantageCore
import VantageDependencies
import VantageFormats
import VantageOrchestrator
import VantageStore

/// The endpoints. Orchestration and project reads become the daemon's `ControlRequest`s, answered
/// by `control` (the unix socket's own handler); analysis and dependency reads call the functions
/// `vantage analyze` and `vantage deps` call, on the project's folder.
struct APIHandlers: Sendable {
    let control: any ControlHandling
    let paths: VantagePaths
    let configuration: APIConfiguration
    let metrics: MetricsExposition
    let operations = OperationRegistry()
    let forecasts = ForecastCache()

    func register(on router: Router<APIRequestContext>, table: RouteTable) {
        let router = RecordingRouter(router: router, table: table)
        router.get("/healthz") { _, _ in try json(["status": "ok"]) }
        router.get("/api/v1/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try OpenAPIContract.json())))
        }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: metrics.text(rows: try await rows()))))
        }
        router.get("/api/v1/projects") { _, _ in try json(["projects": try await rows().map(ProjectView.init)]) }
        router.get("/api/v1/projects/:project") { _, c in try json(ProjectDetail(try await row(c))) }

        router.post("/api/v1/orchestration/launch/:project") { _, c in
            let row = try await row(c)
            guard !row.state.isUp else { throw APIProblem.conflict("\(row.name) is already running (\(row.state.rawValue)); stop it first") }
            return try json(["project": ProjectView(try await one(.launch(names: [row.path], all: false, environment: nil, overrides: [:]), row))])
        }
        router.post("/api/v1/orchestration/stop/:project") { _, c in
            let row = try await row(c)
            guard row.state.isUp else { throw APIProblem.conflict("\(row.name) is already stopped (\(row.state.rawValue))") }
            return try json(["project": ProjectView(try await one(.stop(names: [row.path], all: false), row))])
        }
        router.put("/api/v1/orchestration/environment/:project") { request, c in
            var request = request
            let change = try EnvironmentChange(try await body(&request))
            let row = try await row(c)
            var result = EnvironmentResult(project: row.name, environment: change.environment ?? row.env)
            if !change.variables.isEmpty {
                // Set in the named environment (or the current one) first; a switch then restarts once.
                if case .ok(let message) = try await answer(.envSet(name: row.path, environment: change.environment, variables: change.variables)) {
                    result.set = change.variables.keys.sorted()
                    result.message = message
                }
            }
            if let environment = change.environment, environment != row.env || change.variables.isEmpty {
                _ = try await answer(.envUse(name: row.path, environment: environment))
            }
            return try json(result)
        }
        router.get("/api/v1/orchestration/resources/:project") { _, c in try json(try await resources(try await row(c))) }
        for capability in ["deploy", "backup"] {
            router.post("/api/v1/orchestration/\(capability)/:project") { _, c in
                _ = try await row(c)
                throw APIProblem.notImplemented(capability, detail: "Vantage has no \(capability) yet (its own issue builds it); nothing was done")
            }
        }

        router.get("/api/v1/analysis/quality/:project") { _, c in
            let root = try await row(c).path
            return try await analysis { try QualityAnalyzer.analyze(paths: [root]) }
        }
        router.get("/api/v1/analysis/debt/:project") { _, c in
            let root = try await row(c).path
            return try await analysis { try ProjectDebtAnalysis().analyze(root: root, now: Date()) }
        }
        router.get("/api/v1/analysis/patterns/:project") { _, c in
            let root = try await row(c).path
            return try await analysis { AntiPatternScanner().scan(project: ProjectFiles.walk(root)) }
        }
        for kind in ["code", "tests", "docs"] {
            router.post("/api/v1/analysis/generate/\(kind)") { _, _ in
                throw APIProblem.notImplemented("generating \(kind)", detail: "Vantage has no generator yet (its own issue builds it); nothing was done")
            }
        }

        router.get("/api/v1/dependencies/:project/list") { _, c in
            let root = try await row(c).path
            return try await analysis { DependencyListing(DependencyInventory(scanning: root)) }
        }
        router.get("/api/v1/dependencies/:project/vulnerabilities") { _, c in
            let root = try await row(c).path
            let paths = self.paths
            let data: Data = try await offPool {
                let database = try AdvisoryDatabase(path: try AdvisoryDatabase.importedPath(cache: nil, paths: paths))
                let inventory = DependencyInventory(scanning: root)
                var scan = try VulnerabilityScanner(database: database).scan(inventory.dependencies)
                scan.errors += inventory.errors
                return VulnerabilityReport.json(scan)
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("/api/v1/dependencies/:project/licenses") { _, c in
            let root = try await row(c).path
            return try await analysis { ["packages": LicenseReview(LicenseCollector().collect(root), policy: LicensePolicy()).items] }
        }
        // As `vantage deps update`: a long operation, answered 202 with where to read its outcome.
        router.post("/api/v1/dependencies/:project/update") { request, c in
            let limit: UpdateType?
            switch request.uri.queryParameters["limit"].map(String.init) {
            case nil: limit = nil
            case "patch": limit = .patch
            case "minor": limit = .minor
            case let other?: throw APIProblem.badRequest("limit must be patch or minor, not \"\(TerminalText.escaped(other))\"", field: "limit")
            }
            let dryRun: Bool
            switch request.uri.queryParameters["dry_run"].map(String.init) {
            case nil, "false": dryRun = false
            case "true": dryRun = true
            case let other?: throw APIProblem.badRequest("dry_run must be true or false, not \"\(TerminalText.escaped(other))\"", field: "dry_run")
            }
            let row = try await row(c)
            let folder = row.path
            guard let operation = await operations.start(kind: "dependencies-update", project: row.name, work: { () throws(VantageError) in
                try DependencyUpdateRun.run(folder: folder, limit: limit, testCommand: nil, dryRun: dryRun)
            }) else { throw APIProblem.conflict("an update of \(row.name)'s dependencies is running already; GET its operation for the outcome") }
            var response = try json(["operation": operation], status: .accepted)
            response.headers[.location] = "/api/v1/operations/\(operation.id)"
            return response
        }
        router.get("/api/v1/operations/:operation") { _, c in
            let id = try c.parameters.require("operation")
            guard let operation = await operations.operation(id) else {
                throw APIProblem(.notFound, "unknown-operation", "No such operation",
                                 detail: "no operation \"\(TerminalText.escaped(id))\" in this daemon run (operations are kept until the daemon stops, the last 100)")
            }
            return try json(["operation": operation])
        }
        router.post("/api/v1/dependencies/:project/resolve-conflicts") { _, c in
            _ = try await row(c)
            throw APIProblem.notImplemented("applying a conflict resolution",
                                            detail: "Vantage can explain conflicts (`vantage deps conflicts`) but cannot yet apply a resolution to a manifest or lock; nothing was done")
        }
    }

    // MARK: - Through the control handler

    /// The answer of the control handler, or the problem it reported (422: the request was valid).
    private func answer(_ request: ControlRequest) async throws -> ControlResponse {
        let response = await control.handle(request)
        if case .error(let message) = response { throw APIProblem.unprocessable(message) }
        return response
    }

    /// Every project `vantage ps` lists.
    private func rows() async throws -> [ProjectStatus] {
        guard case .status(let rows) = try await answer(.ps) else { throw APIProblem.unprocessable("the daemon's ps gave no project list") }
        return rows
    }

    /// The project the path names, by name or stable id, or 404.
    private func row(_ context: APIRequestContext) async throws -> ProjectStatus {
        let raw = try context.parameters.require("project")
        let id = raw.removingPercentEncoding ?? raw
        guard let row = try await rows().first(where: { $0.name == id || $0.path == id }) else { throw APIProblem.unknownProject(id) }
        return row
    }

    /// The row of `row`'s project in a launch or stop answer.
    private func one(_ request: ControlRequest, _ row: ProjectStatus) async throws -> ProjectStatus {
        guard case .status(let rows) = try await answer(request), let after = rows.first(where: { $0.path == row.path }) else { return row }
        return after
    }

    private func resources(_ row: ProjectStatus) async throws -> ResourcesView {
        var view = ResourcesView(project: row.name,
                                 usage: .init(cpuPercent: row.cpu.isFinite ? row.cpu : 0, rssBytes: row.rss,
                                              ioReadBytesPerSecond: row.ioRead.isFinite ? row.ioRead : 0, ioWriteBytesPerSecond: row.ioWrite.isFinite ? row.ioWrite : 0),
                                 limits: LimitsView(row.limits))
        switch await forecasts.answer(for: row.path, compute: { await control.handle(.predict(name: row.path)) }) {
        case .prediction(let p): view.forecast = p
        case .error(let why): view.forecastUnavailable = why
        default: view.forecastUnavailable = "the daemon gave no forecast"
        }
        return view
    }

    // MARK: - Bodies and answers

    /// The request's body, at most `bodyLimit` bytes (413) arriving within `bodyTimeout` (408).
    private func body(_ request: inout Request) async throws -> ByteBuffer {
        let limit = configuration.bodyLimit
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw APIProblem.tooLarge(limit) }
        let body = request.body
        let timeout = configuration.bodyTimeout
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw APIProblem.timedOut(Int(timeout.components.seconds))
            }
            return buffer
        }
    }

    /// An analysis or dependency read, off the cooperative pool (it reads and parses a whole tree).
    private func analysis<T: Encodable & Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> Response {
        let value = try await offPool {
            do { return try work() } catch let error as VantageError { throw APIProblem.unprocessable(error.description) }
        }
        return try json(value)
    }

    private static let blockingWork = DispatchQueue(label: "vantage.api.analysis", attributes: .concurrent)

    private func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Self.blockingWork.async {
                do { continuation.resume(returning: try body()) } catch let error as VantageError {
                    continuation.resume(throwing: APIProblem.unprocessable(error.description))
                } catch { continuation.resume(throwing: error) }
            }
        }
    }
}

/// The `predict` answer of each project for one second: the forecast fits models to the whole
/// sampled history (tens of milliseconds), and the samples it reads change once a second, so
/// requests in between get the same answer without computing it again.
final class ForecastCache: Sendable {
    private let entries = Mutex<[String: (at: ContinuousClock.Instant, answer: ControlResponse)]>([:])
    let lifetime: Duration = .seconds(1)

    func answer(for project: String, compute: @Sendable () async -> ControlResponse) async -> ControlResponse {
        let now = ContinuousClock.now
        if let kept = entries.withLock({ $0[project] }), now - kept.at < lifetime { return kept.answer }
        let answer = await compute()
        entries.withLock { $0[project] = (now, answer) }
        return answer
    }
}

/// Adds routes to Hummingbird's router and notes each method and path, so a known path asked
/// with another method is answered 405 with `Allow` (Hummingbird's router answers 404).
struct RecordingRouter {
    typealias Handler = @Sendable (Request, APIRequestContext) async throws -> Response
    let router: Router<APIRequestContext>
    let table: RouteTable

    func get(_ path: String, _ handler: @escaping Handler) { add(.get, path, handler) }
    func post(_ path: String, _ handler: @escaping Handler) { add(.post, path, handler) }
    func put(_ path: String, _ handler: @escaping Handler) { add(.put, path, handler) }

    private func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        table.add(method.rawValue, path)
        router.on(RouterPath(path), method: method, use: handler)
    }
}

/// The API's paths and their methods.
final class RouteTable: Sendable {
    private let routes = Mutex<[(method: String, segments: [Substring])]>([])

    func add(_ method: String, _ path: String) { routes.withLock { $0.append((method, path.split(separator: "/"))) } }

    /// The methods that `path` answers (":name" segments match any one segment).
    func methods(for path: String) -> [String] {
        let asked = path.split(separator: "/")
        return routes.withLock { all in
            all.filter { r in r.segments.count == asked.count && zip(r.segments, asked).allSatisfy { $0.hasPrefix(":") || $0 == $1 } }.map(\.method)
        }
    }
}

/// A JSON answer (200 unless told).
func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
    var data = try JSONEncoder.api.encode(value)
    data.append(10)
    return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

/// The answer to `PUT /api/v1/orchestration/environment/{id}`.
struct EnvironmentResult: Encodable {
    var project: String
    var environment: String
    /// The variables written (into `.env.<environment>.local`), when some were given.
    var set: [String]?
    var message: String?
}

/// `PUT /api/v1/orchestration/environment/{id}`: `{"environment": "staging", "variables": {"K": "v"}}`.
struct EnvironmentChange {
    var environment: String?
    var variables: [String: String] = [:]

    /// Reads the body, naming the field that is wrong (400).
    init(_ body: ByteBuffer) throws {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] else {
            throw APIProblem.badRequest("the body must be a JSON object such as {\"environment\": \"staging\"}", field: "body")
        }
        for key in object.keys where !["environment", "variables"].contains(key) {
            throw APIProblem.badRequest("unknown field \"\(TerminalText.escaped(key))\" (known: environment, variables)", field: key)
        }
        if let value = object["environment"] {
            guard let name = value as? String, !name.isEmpty, !name.contains("\0"), !name.contains("/") else {
                throw APIProblem.badRequest("\"environment\" must be the name of one of the project's environments, a non-empty string", field: "environment")
            }
            environment = name
        }
        if let value = object["variables"] {
            guard let table = value as? [String: Any], let strings = table as? [String: String], !strings.isEmpty else {
                throw APIProblem.badRequest("\"variables\" must be a non-empty object of names to string values", field: "variables")
            }
            for (key, text) in strings.sorted(by: { $0.key < $1.key }) {
                guard DotEnvFile.isValidKey(key) else {
                    throw APIProblem.badRequest("\"\(TerminalText.escaped(key))\" is not a variable name (letters, digits, _, . and -, not starting with a digit)", field: "variables.\(TerminalText.escaped(key))")
                }
                guard !text.contains("\0") else { throw APIProblem.badRequest("the value of \(key) contains a NUL byte", field: "variables.\(key)") }
            }
            variables = strings
        }
        guard environment != nil || !variables.isEmpty else {
            throw APIProblem.badRequest("give \"environment\" and/or \"variables\"", field: "environment")
        }
    }
}
