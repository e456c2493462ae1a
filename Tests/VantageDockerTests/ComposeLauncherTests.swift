import Foundation
import Testing
import VantageCore
@testable import VantageDocker

/// `s` on a compose project without a Docker engine is never silent: a diagnostic and a timeline
/// entry say why and what to do, in the words `vantage launch` fails with.
@Suite struct ComposeLauncherTests {
    @Test func withoutAnEngineAStartSaysWhyAndWhatToDo() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-compose-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "services:\n  web:\n    image: localhost/busybox:latest\n".write(toFile: dir + "/compose.yaml", atomically: true, encoding: .utf8)
        let project = Project(name: "compose-stack", path: dir, kinds: [.compose])
        let bus = Bus()
        let events = bus.events()
        for endpoints in [[], [DockerEndpoint(name: "gone", host: "unix://" + dir + "/no.sock", source: .config)]] {
            let launcher = ComposeLauncher(bus: bus, clock: SystemClock(), endpoints: endpoints, projects: [project])
            await launcher.perform(.launch(project.id), project)
        }
        bus.close()
        var diagnostics: [Diagnostic] = [], timeline: [TimelineEntry] = []
        for await event in events {
            if case .diagnostic(let d) = event { diagnostics.append(d) }
            if case .timeline(let t) = event { timeline.append(t) }
        }
        #expect(diagnostics.count == 2 && timeline.count == 2)
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.project == project.id && $0.message.contains("start the Docker engine") })
        #expect(diagnostics[0].message.hasPrefix("compose-stack is a compose project and cannot start: no Docker engine is configured or found"))
        #expect(diagnostics[1].message.contains("no Docker engine answers (tried gone at unix://"), "\(diagnostics[1].message)")
        #expect(timeline.allSatisfy { $0.kind == .error && $0.project == project.id })
        do {
            _ = try await ComposeLauncher.perform(.launch(project.id), project, endpoints: [])
            Issue.record("no engine, yet it started")
        } catch {
            #expect(error.description == diagnostics[0].message, "the CLI's words are the screen's")
        }
    }
}
