import Foundation
import Synchronization
import Testing
import VantageCore
@testable import VantageDocker

/// The real Docker engines the tests use. `scripts/test` starts the first one (as root, from
/// Debian's package, with an offline busybox image) and exports `VANTAGE_TEST_DOCKER_HOST`.
/// Tests that stop, freeze or kill an engine use a second one they start themselves with the same
/// script, so the shared engine is never disturbed. Images are only ever local: `--pull=never`.
enum TestEngine {
    static let image = "localhost/busybox:latest"
    static let env = ProcessInfo.processInfo.environment

    static var host: String? { env["VANTAGE_TEST_DOCKER_HOST"].flatMap { $0.isEmpty ? nil : $0 } }
    static var available: Bool { host != nil }

    static var endpoint: DockerEndpoint { DockerEndpoint(name: "main", host: host ?? "unix:///nonexistent", source: .config) }

    /// A patient client: the tests share one engine and a loaded machine, where a busy engine can
    /// take seconds to answer. Only the frozen-engine test relies on a short deadline.
    static func client() async throws -> DockerClient { try await DockerClient.connect(endpoint, timeout: .seconds(20)) }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// The second, disposable engine.
    static let secondBase = "/tmp/vantage-docker-test-2"
    static var secondEndpoint: DockerEndpoint {
        DockerEndpoint(name: "second", host: "unix://\(secondBase)/docker.sock", source: .config)
    }

    /// Starts the second engine off the cooperative pool (it takes seconds).
    static func startSecond() async throws {
        let r = try await ChildProcess.runOffThePool(["env", "BASE=\(secondBase)", "SKIP_SMOKE=1", "bash", repositoryRoot + "/scripts/docker-engine.sh", "start"])
        guard r.status == 0 else { throw TestFailure("second engine did not start: \(r.output.suffix(500))") }
    }

    static func stopSecond() async throws {
        _ = try await ChildProcess.runOffThePool(["env", "BASE=\(secondBase)", "bash", repositoryRoot + "/scripts/docker-engine.sh", "stop"])
    }

    /// Stops the second engine when a test that started it ends, whatever its outcome (for a
    /// `defer`: the engine and its containerd must not outlive the test run).
    static func stopSecondWhenDone() {
        _ = try? ChildProcess.run(["env", "BASE=\(secondBase)", "bash", repositoryRoot + "/scripts/docker-engine.sh", "stop"], stderr: .discarded)
    }

    static var secondPID: Int32? {
        (try? String(contentsOfFile: secondBase + "/engine/dockerd.pid", encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Creates and starts a busybox container running `script`, with a unique name.
    static func run(_ client: DockerClient, _ script: String, name: String = "vt-\(UUID().uuidString.prefix(8).lowercased())",
                    hostConfig: [String: Any] = [:], labels: [String: String] = [:]) async throws -> (id: String, name: String) {
        var hc = hostConfig
        hc["NetworkMode"] = "none"
        var l = labels
        l["vantage.test"] = "1"
        let id = try await client.create(name: name, config: ["Image": image, "Cmd": ["sh", "-c", script], "HostConfig": hc, "Labels": l])
        created.withLock { $0.append((client.endpoint.host, id)) }
        try await client.start(id)
        return (id, name)
    }

    /// Containers the tests created, removed when each test's suite instance goes away.
    static let created = Mutex<[(host: String, id: String)]>([])

    /// Removes every container the tests created so far, synchronously (suites call it from deinit,
    /// where nothing can be awaited), so no busy loop outlives its test.
    static func removeCreated() {
        let all = created.withLock { c -> [(host: String, id: String)] in defer { c = [] }; return c }
        for (host, ids) in Dictionary(grouping: all, by: \.host) {
            _ = try? ChildProcess.run(["docker", "-H", host, "rm", "-f"] + ids.map(\.id))
        }
    }

    static func cleanup(_ client: DockerClient, _ ids: [String]) async {
        for id in ids { try? await client.remove(id, force: true) }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Under CI the Docker tests must run: a missing engine is a failure, not a skip.
let dockerRequired: Bool = ProcessInfo.processInfo.environment["CI"] == "true"

extension Trait where Self == ConditionTrait {
    static var needsDocker: Self {
        .enabled(if: TestEngine.available || dockerRequired,
                 "no Docker engine: run scripts/test as root (it starts one), or set VANTAGE_TEST_DOCKER_HOST")
    }
}

/// Every Docker suite runs inside this one, one test at a time: they share the engine, and each
/// test's containers are removed when it ends (see `TestEngine.removeCreated`).
@Suite(.needsDocker, .serialized) struct DockerTests {}
