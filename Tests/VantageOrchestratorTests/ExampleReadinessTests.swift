import Foundation
import Testing
import VantageCore
import VantageDetector
@testable import VantageOrchestrator

/// Every bundled example under `examples/` reaches `ready` where its toolchain is present, with the
/// readiness probe it ships (an HTTP GET of /), and survives the probes: no restart. Each runs from
/// a copy (build output stays out of the repository) on a free port of its own.
@Suite(.serialized, .timeLimit(.minutes(10))) struct ExampleReadinessTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples").path

    static func has(_ tool: String) -> Bool { LinuxCalls.which(tool, path: ProcessInfo.processInfo.environment["PATH"]) != nil }

    func reachesReady(_ folder: String, timeout: Duration = .seconds(90)) async throws {
        let f = Fixture()
        let copy = f.root + "/projects/" + folder
        try FileManager.default.createDirectory(atPath: f.root + "/projects", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.examples + "/" + folder, toPath: copy)
        for output in ["target", ".build", "node_modules"] { try? FileManager.default.removeItem(atPath: copy + "/" + output) }
        var project = try #require(ProjectDetector.detect(folder: copy).projects.first, "the daemon finds \(folder)")
        let port = randomPortBase() + 1
        project.ports = [port]
        var options = Fixture.fastOptions()
        options.readinessTimeout = nil // the example's own timeout (longer where it compiles first)
        let supervisor = Supervisor(paths: f.paths, bus: f.bus, clock: SystemClock(), options: options)
        await supervisor.register([project])
        try await supervisor.launch(project.id)
        let state = await supervisor.waitFor(project.id, [.ready, .failed], timeout: timeout)
        let status = await supervisor.status(of: project.id)
        let log = await supervisor.log(of: project.id)?.lastLines(30).map(\.text).joined(separator: "\n") ?? ""
        #expect(state == .ready, "\(folder) is \(String(describing: state)); log:\n\(log)")
        #expect(status?.restarts == 0, "\(folder) never restarted")
        #expect(HTTPProbe.get(port: port, path: "/") == .status(200), "\(folder) answers on its port \(port)")
        await supervisor.shutdown()
        try? FileManager.default.removeItem(atPath: f.root)
    }

    @Test(.enabled(if: has("node"), "needs node")) func nodeAPI() async throws { try await reachesReady("node-api") }
    @Test(.enabled(if: has("python3"), "needs python3")) func pythonWeb() async throws { try await reachesReady("python-web") }
    @Test(.enabled(if: has("python3"), "needs python3")) func procfileApp() async throws { try await reachesReady("procfile-app") }
    @Test(.enabled(if: has("cargo"), "needs cargo")) func rustCLI() async throws { try await reachesReady("rust-cli", timeout: .seconds(300)) }
    @Test(.enabled(if: has("go"), "needs go")) func goService() async throws { try await reachesReady("go-service", timeout: .seconds(300)) }
    @Test(.enabled(if: has("swift"), "needs swift")) func swiftTool() async throws { try await reachesReady("swift-tool", timeout: .seconds(300)) }
    @Test(.enabled(if: has("java"), "needs a JDK")) func javaMaven() async throws { try await reachesReady("java-maven", timeout: .seconds(120)) }

    /// The rust-cli server exits on the first failed write; the TCP probe (used where no HTTP path is
    /// declared) connected and hung up, and it crash-looped. It now survives any number of them.
    @Test(.enabled(if: has("cargo"), "needs cargo")) func rustCLISurvivesTheTCPProbe() async throws {
        let f = Fixture()
        let copy = f.root + "/projects/rust-tcp"
        try FileManager.default.createDirectory(atPath: f.root + "/projects", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.examples + "/rust-cli", toPath: copy)
        try? FileManager.default.removeItem(atPath: copy + "/target")
        try "[readiness]\ntype = \"tcp\"\ntimeout = 300\n".write(toFile: copy + "/.vantage.toml", atomically: true, encoding: .utf8)
        var project = try #require(ProjectDetector.detect(folder: copy).projects.first)
        let port = randomPortBase() + 2
        project.ports = [port]
        var options = Fixture.fastOptions()
        options.readinessTimeout = nil
        let supervisor = Supervisor(paths: f.paths, bus: f.bus, clock: SystemClock(), options: options)
        await supervisor.register([project])
        try await supervisor.launch(project.id)
        #expect(await supervisor.waitFor(project.id, [.ready, .failed], timeout: .seconds(300)) == .ready)
        for _ in 0..<10 { #expect(PortProbe.accepts(port)) }
        try await Task.sleep(for: .milliseconds(500))
        let status = await supervisor.status(of: project.id)
        #expect(status?.state == .ready && status?.restarts == 0, "\(String(describing: status?.state)), \(status?.restarts ?? -1) restarts")
        await supervisor.shutdown()
        try? FileManager.default.removeItem(atPath: f.root)
    }
}
