import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import VantageCore

/// A Docker Engine API client for one endpoint. Every call has a deadline, so a dead or frozen
/// engine costs a caller at most `timeout`, never a hang. The API version is negotiated once in
/// `connect`: the lower of the engine's version and the newest this client knows.
public struct DockerClient: Sendable {
    /// The newest API version this client speaks.
    public static let newestSupportedAPIVersion = "1.45"
    /// The oldest the client accepts from an engine.
    public static let oldestSupportedAPIVersion = "1.24"

    public let endpoint: DockerEndpoint
    public let apiVersion: String
    public let engineVersion: String
    /// Deadline of reads (version, list, inspect, stats): what a frozen engine can cost a caller.
    public var timeout: TimeAmount
    /// Deadline of actions that make the engine work (create, start, stop, pause, update…).
    public var actionTimeout: TimeAmount = .seconds(30)
    private let http: HTTPClient
    private let base: String

    /// Connects to `endpoint`, reads `/version` and negotiates the API version.
    public static func connect(_ endpoint: DockerEndpoint, timeout: TimeAmount = .seconds(3),
                               http: HTTPClient = DockerHTTP.shared) async throws(VantageError) -> DockerClient {
        let base = try endpoint.baseURL()
        let version: DockerVersion = try await request(http: http, endpoint: endpoint, url: base + "/version",
                                                       method: .GET, body: nil, timeout: timeout)
        let negotiated = APIVersion.min(version.ApiVersion, newestSupportedAPIVersion)
        guard APIVersion.compare(negotiated, oldestSupportedAPIVersion) != .orderedAscending else {
            throw VantageError(.unavailable, "Docker engine \(endpoint) speaks API \(version.ApiVersion), older than \(oldestSupportedAPIVersion)",
                               hint: "upgrade the engine")
        }
        return DockerClient(endpoint: endpoint, apiVersion: negotiated, engineVersion: version.Version,
                            timeout: timeout, http: http, base: base)
    }

    /// A client pinned to an API version without negotiating (used to show that an engine
    /// refuses a newer version than it speaks).
    public static func pinned(_ endpoint: DockerEndpoint, apiVersion: String, timeout: TimeAmount = .seconds(3),
                              http: HTTPClient = DockerHTTP.shared) throws(VantageError) -> DockerClient {
        DockerClient(endpoint: endpoint, apiVersion: apiVersion, engineVersion: "?", timeout: timeout, http: http,
                     base: try endpoint.baseURL())
    }

    private init(endpoint: DockerEndpoint, apiVersion: String, engineVersion: String, timeout: TimeAmount,
                 http: HTTPClient, base: String) {
        self.endpoint = endpoint
        self.apiVersion = apiVersion
        self.engineVersion = engineVersion
        self.timeout = timeout
        self.http = http
        self.base = base
    }

    private func url(_ path: String) -> String { base + "/v" + apiVersion + path }

    /// `GET /_ping` with its own short deadline: tells a busy engine from a dead or frozen one.
    public func ping(timeout: TimeAmount = .milliseconds(500)) async -> Bool {
        (try? await Self.raw(http: http, endpoint: endpoint, url: base + "/_ping", method: .GET, body: nil, timeout: timeout)) != nil
    }

    // MARK: containers

    public func listContainers(all: Bool = true, labelFilter: String? = nil) async throws(VantageError) -> [ContainerSummary] {
        var path = "/containers/json?all=\(all ? 1 : 0)"
        if let labelFilter {
            let filter = #"{"label":["\#(labelFilter)"]}"#
            path += "&filters=" + (filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? filter)
        }
        return try await get(path)
    }

    public func inspect(_ id: String) async throws(VantageError) -> ContainerDetails {
        try await get("/containers/\(id)/json")
    }

    public func start(_ id: String) async throws(VantageError) { try await post("/containers/\(id)/start") }
    /// Stops with SIGTERM, then SIGKILL after `graceSeconds` (the engine does the waiting).
    public func stop(_ id: String, graceSeconds: Int = 10) async throws(VantageError) {
        try await post("/containers/\(id)/stop?t=\(graceSeconds)", extraTime: .seconds(Int64(graceSeconds)))
    }
    public func restart(_ id: String, graceSeconds: Int = 10) async throws(VantageError) {
        try await post("/containers/\(id)/restart?t=\(graceSeconds)", extraTime: .seconds(Int64(graceSeconds)))
    }
    public func pause(_ id: String) async throws(VantageError) { try await post("/containers/\(id)/pause") }
    public func unpause(_ id: String) async throws(VantageError) { try await post("/containers/\(id)/unpause") }
    public func kill(_ id: String, signal: String = "SIGKILL") async throws(VantageError) {
        try await post("/containers/\(id)/kill?signal=\(signal)")
    }
    public func remove(_ id: String, force: Bool = false) async throws(VantageError) {
        _ = try await send(.DELETE, "/containers/\(id)?force=\(force ? 1 : 0)&v=0", body: nil)
    }

    /// Creates a container from a JSON create body (`Image`, `Cmd`, `Labels`, `HostConfig`…).
    /// Images are only ever local: the engine is never asked to pull.
    public func create(name: String?, config: [String: Any]) async throws(VantageError) -> String {
        let data: Data
        do { data = try JSONSerialization.data(withJSONObject: config) } catch {
            throw VantageError(.usage, "cannot encode the container configuration: \(error)")
        }
        var path = "/containers/create"
        if let name { path += "?name=" + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name) }
        let body = try await send(.POST, path, body: data)
        guard let obj = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let id = obj["Id"] as? String else {
            throw VantageError(.unavailable, "Docker engine \(endpoint) answered create without an Id")
        }
        return id
    }

    /// Changes the memory limit and CPU share of a running container. A container created with
    /// `NanoCpus` cannot be updated with `CpuQuota` (and the other way round), so this keeps to
    /// the style the container has; one with neither gets `NanoCpus`.
    public func updateResources(_ id: String, memoryBytes: Int64?, cpus: Double?) async throws(VantageError) {
        var update: [String: Any] = [:]
        if let memoryBytes {
            update["Memory"] = memoryBytes
            update["MemorySwap"] = -1
        }
        if let cpus {
            let host = try await inspect(id).HostConfig
            if let quota = host.CpuQuota, quota > 0 {
                let period = (host.CpuPeriod ?? 0) > 0 ? host.CpuPeriod! : 100_000
                update["CpuPeriod"] = period
                update["CpuQuota"] = Int64((cpus * Double(period)).rounded())
            } else {
                update["NanoCpus"] = Int64((cpus * 1e9).rounded())
            }
        }
        guard !update.isEmpty else { return }
        let data = try! JSONSerialization.data(withJSONObject: update)
        _ = try await send(.POST, "/containers/\(id)/update", body: data)
    }

    /// One-shot statistics from the engine: only a fallback when the cgroup files cannot be read.
    public func statsOnce(_ id: String) async throws(VantageError) -> ContainerStatsResponse {
        try await get("/containers/\(id)/stats?stream=false")
    }

    // MARK: logs and events

    /// The container's log. Without `follow` it ends at the current end of the log; with it, it
    /// streams until the container stops or the task is cancelled.
    public func logs(_ id: String, follow: Bool = false, tail: Int? = nil, timestamps: Bool = false) async throws(VantageError) -> AsyncThrowingStream<ContainerLogFrame, Error> {
        let tty = (try? await inspect(id).Config.Tty) ?? false
        var path = "/containers/\(id)/logs?stdout=1&stderr=1&follow=\(follow ? 1 : 0)&timestamps=\(timestamps ? 1 : 0)"
        if let tail { path += "&tail=\(tail)" }
        let response = try await stream(path)
        return AsyncThrowingStream { continuation in
            let task = Task {
                var decoder = LogStreamDecoder(tty: tty)
                do {
                    for try await chunk in response.body {
                        for frame in decoder.feed(Array(chunk.readableBytesView)) { continuation.yield(frame) }
                    }
                    for frame in decoder.finish() { continuation.yield(frame) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Engine events as they happen (container start, die, oom, health_status…).
    public func events(since: Date? = nil) async throws(VantageError) -> AsyncThrowingStream<DockerEvent, Error> {
        var path = "/events"
        if let since { path += "?since=\(Int(since.timeIntervalSince1970))" }
        let response = try await stream(path)
        return AsyncThrowingStream { continuation in
            let task = Task {
                var pending: [UInt8] = []
                let decoder = JSONDecoder()
                do {
                    for try await chunk in response.body {
                        pending += chunk.readableBytesView
                        while let nl = pending.firstIndex(of: 0x0A) {
                            let line = Data(pending[..<nl])
                            pending.removeSubrange(...nl)
                            if let e = try? decoder.decode(DockerEvent.self, from: line) { continuation.yield(e) }
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    // MARK: transport

    private func get<T: Decodable>(_ path: String) async throws(VantageError) -> T {
        try await Self.request(http: http, endpoint: endpoint, url: url(path), method: .GET, body: nil, timeout: timeout)
    }

    private func post(_ path: String, extraTime: TimeAmount = .zero) async throws(VantageError) {
        _ = try await send(.POST, path, body: nil, extraTime: extraTime)
    }

    @discardableResult
    private func send(_ method: HTTPMethod, _ path: String, body: Data?, extraTime: TimeAmount = .zero) async throws(VantageError) -> Data {
        try await Self.raw(http: http, endpoint: endpoint, url: url(path), method: method, body: body, timeout: actionTimeout + extraTime)
    }

    /// Opens a long-lived response (logs, events). Only the response head has a deadline.
    private func stream(_ path: String) async throws(VantageError) -> HTTPClientResponse {
        var req = HTTPClientRequest(url: url(path))
        req.method = .GET
        req.headers.replaceOrAdd(name: "Host", value: "docker")
        let response: HTTPClientResponse
        do {
            // async-http-client's deadline covers the response head only, which is what a stream needs.
            response = try await http.execute(req, deadline: .now() + timeout)
        } catch {
            throw Self.unreachable(endpoint, error)
        }
        guard (200..<300).contains(response.status.code) else {
            let data = (try? await response.body.collect(upTo: 1 << 20)).map { Data($0.readableBytesView) } ?? Data()
            throw Self.engineError(endpoint, status: response.status, body: data)
        }
        return response
    }

    static func request<T: Decodable>(http: HTTPClient, endpoint: DockerEndpoint, url: String, method: HTTPMethod,
                                      body: Data?, timeout: TimeAmount) async throws(VantageError) -> T {
        let data = try await raw(http: http, endpoint: endpoint, url: url, method: method, body: body, timeout: timeout)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw VantageError(.unavailable, "Docker engine \(endpoint) sent an answer Vantage cannot read (\(url)): \(error)")
        }
    }

    static func raw(http: HTTPClient, endpoint: DockerEndpoint, url: String, method: HTTPMethod, body: Data?,
                    timeout: TimeAmount) async throws(VantageError) -> Data {
        var req = HTTPClientRequest(url: url)
        req.method = method
        // Over a unix socket the URL has no host name, and the engine requires a Host header.
        req.headers.replaceOrAdd(name: "Host", value: "docker")
        if let body {
            req.headers.add(name: "Content-Type", value: "application/json")
            req.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            // The client's deadline covers the head only; the race also bounds reading the body,
            // so an engine that freezes mid-answer cannot hang the caller.
            let request = req
            let (status, data) = try await withDeadline(timeout) {
                let response = try await http.execute(request, deadline: .now() + timeout)
                let buffer = try await response.body.collect(upTo: 64 << 20)
                return (response.status, Data(buffer.readableBytesView))
            }
            guard (200..<300).contains(status.code) || status.code == 304 else {
                throw engineError(endpoint, status: status, body: data)
            }
            return data
        } catch let e as VantageError {
            throw e
        } catch {
            throw unreachable(endpoint, error)
        }
    }

    static func engineError(_ endpoint: DockerEndpoint, status: HTTPResponseStatus, body: Data) -> VantageError {
        let message = (try? JSONDecoder().decode(DockerErrorBody.self, from: body).message)
            ?? String(decoding: body.prefix(200), as: UTF8.self)
        let category: VantageError.Category = status.code == 404 ? .notFound : (status.code == 409 ? .conflict : .unavailable)
        return VantageError(category, "Docker engine \(endpoint.name) refused the request (\(status.code)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
    }

    static func unreachable(_ endpoint: DockerEndpoint, _ error: Error) -> VantageError {
        let reason: String
        if error is DeadlineExceeded {
            reason = "it did not answer in time"
        } else if let e = error as? HTTPClientError, e == .deadlineExceeded || e == .readTimeout || e == .connectTimeout {
            reason = "it did not answer in time"
        } else {
            reason = "\(error)"
        }
        return VantageError(.unavailable, "Docker engine \(endpoint) is unreachable: \(reason)",
                            hint: "is dockerd running? check DOCKER_HOST or the engine's socket")
    }
}

struct DeadlineExceeded: Error, CustomStringConvertible {
    var description: String { "it did not answer in time" }
}

/// Runs `body`, giving up with `DeadlineExceeded` after `timeout`.
func withDeadline<T: Sendable>(_ timeout: TimeAmount, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(max(0, timeout.nanoseconds)))
            throw DeadlineExceeded()
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// API versions compare numerically part by part ("1.41" < "1.45" < "1.100").
enum APIVersion {
    static func compare(_ a: String, _ b: String) -> ComparisonResult {
        let pa = a.split(separator: ".").map { Int($0) ?? 0 }, pb = b.split(separator: ".").map { Int($0) ?? 0 }
        for i in 0..<max(pa.count, pb.count) {
            let x = i < pa.count ? pa[i] : 0, y = i < pb.count ? pb[i] : 0
            if x != y { return x < y ? .orderedAscending : .orderedDescending }
        }
        return .orderedSame
    }
    static func min(_ a: String, _ b: String) -> String { compare(a, b) == .orderedDescending ? b : a }
}
