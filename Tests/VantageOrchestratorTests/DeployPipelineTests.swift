import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator

/// `Supervisor.deploy` end to end: a real git repository holding a python http.server project, a
/// supervisor that runs it, real releases, steps, switches, restarts and healthchecks.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct DeployPipelineTests {
    /// A git repository at the fixture's project folder with a `.vantage.toml` (the `[deploy]` lines
    /// given) and the pages given; returns the project, registered with the supervisor.
    func servedProject(_ f: Fixture, port: Int, deploy: String, pages: [String: String]) async throws -> Project {
        let toml = """
        command = "python3 -m http.server $PORT --bind 127.0.0.1"
        ports = [\(port)]
        [readiness]
        path = "/"
        [deploy]
        \(deploy)
        """
        let p = f.project("site", kinds: [.python], ports: [port], files: pages.merging([".vantage.toml": toml]) { a, _ in a })
        try git(p.path, ["init", "-q", "-b", "main"])
        try commitAll(p.path, "first")
        await f.supervisor.register([p])
        return p
    }

    func git(_ repo: String, _ arguments: [String]) throws {
        let result = try ChildProcess.run(["git", "-C", repo] + arguments)
        try #require(result.succeeded, "git \(arguments.joined(separator: " ")): \(result.output)")
    }

    func commitAll(_ repo: String, _ message: String) throws {
        try git(repo, ["add", "-A"])
        try git(repo, ["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message])
    }

    func write(_ repo: String, _ files: [String: String]) throws {
        for (name, text) in files { try text.write(toFile: repo + "/" + name, atomically: true, encoding: .utf8) }
    }

    func page(_ port: Int, _ path: String = "/index.html") throws -> String {
        let result = try ChildProcess.run(["curl", "-s", "-m", "5", "http://127.0.0.1:\(port)\(path)"])
        return result.output
    }

    @Test("deploy runs the steps in a new release, switches current, restarts the project from it and checks its health; rollback goes back")
    func deployAndRollback() async throws {
        let f = Fixture()
        let port = randomPortBase() + 7
        let p = try await servedProject(f, port: port, deploy: """
            healthcheck = "/ok.html"
            steps = ["test -f index.html", "echo built > built.txt"]
            keep = 2
            """, pages: ["index.html": "version 1\n", "ok.html": "ok\n"])
        let layout = ReleaseLayout.of(p, settings: try ProjectConfigReader.read(projectPath: p.path).deploy, home: f.paths.home)

        let first = try await f.supervisor.deploy(p.id)
        #expect(first.succeeded, "\(first.message)")
        #expect(first.steps.map(\.state) == [.succeeded, .succeeded])
        let firstID = try #require(first.release)
        #expect(layout.currentID() == firstID)
        #expect(await f.supervisor.status(of: p.id)?.state == .ready)
        #expect(try page(port) == "version 1\n")
        #expect(FileManager.default.fileExists(atPath: layout.path(of: firstID) + "/built.txt"), "the steps ran in the release")
        // The process works in the release that current pointed at when it started.
        let pid = try #require(await f.supervisor.status(of: p.id)?.pid)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd") == layout.path(of: firstID))

        try write(p.path, ["index.html": "version 2\n"])
        try commitAll(p.path, "second")
        let second = try await f.supervisor.deploy(p.id)
        #expect(second.succeeded, "\(second.message)")
        let secondID = try #require(second.release)
        #expect(try page(port) == "version 2\n")
        let newPID = try #require(await f.supervisor.status(of: p.id)?.pid)
        #expect(newPID != pid, "the project was restarted")

        let back = try await f.supervisor.rollbackDeploy(p.id)
        #expect(back.succeeded && back.current == firstID, "\(back.message)")
        #expect(try page(port) == "version 1\n")
        let releases = await (try? f.supervisor.releases(p.id)) ?? []
        #expect(releases.map(\.id) == [firstID, secondID])
        #expect(releases.first?.isCurrent == true)
        let decisions = await f.supervisor.decisions.map(\.text)
        #expect(decisions.contains { $0.contains("as release \(secondID)") })
        #expect(decisions.contains { $0.contains("rolled back from \(secondID) to release \(firstID)") })
        await f.cleanup()
    }

    @Test("a failing step stops the deploy: nothing is switched, the step's output is a problem and the deploy a decision")
    func failingStepSwitchesNothing() async throws {
        let f = Fixture()
        let port = randomPortBase() + 8
        let events = f.bus.events([.diagnostic], capacity: 1000)
        let p = try await servedProject(f, port: port, deploy: """
            [[deploy.steps]]
            name = "check"
            command = "echo checking the pages; echo 'index.html: broken link' >&2; exit 3"
            timeout = "1m"
            """, pages: ["index.html": "version 1\n"])
        let outcome = try await f.supervisor.deploy(p.id)
        #expect(!outcome.succeeded && !outcome.switched)
        let step = try #require(outcome.steps.first)
        #expect(step.state == .failed && step.note == "exit status 3")
        #expect(step.outputTail == ["checking the pages", "index.html: broken link"])
        #expect(outcome.message.contains("step 'check' failed") && outcome.message.contains("nothing was switched"))
        let layout = ReleaseLayout.of(p, settings: try ProjectConfigReader.read(projectPath: p.path).deploy, home: f.paths.home)
        #expect(layout.currentID() == nil && layout.releases().isEmpty, "the failed release is removed")
        #expect(await f.supervisor.status(of: p.id)?.state == .stopped, "nothing was started")

        var problem: Diagnostic?
        for await event in events {
            if case .diagnostic(let d) = event, d.severity == .error { problem = d; break }
        }
        #expect(problem?.message.contains("stopped at step 'check'") == true)
        #expect(problem?.message.contains("index.html: broken link") == true)
        #expect(await f.supervisor.decisions.contains { $0.text.contains("step 'check' failed") })
        await f.cleanup()
    }

    @Test("a release that fails its healthcheck after the switch is rolled back automatically, and the outcome says so")
    func failedHealthcheckRollsBack() async throws {
        let f = Fixture()
        let port = randomPortBase() + 9
        let p = try await servedProject(f, port: port, deploy: """
            healthcheck = "/ok.html"
            healthcheck_timeout = 3
            steps = []
            """, pages: ["index.html": "version 1\n", "ok.html": "ok\n"])
        let first = try await f.supervisor.deploy(p.id)
        #expect(first.succeeded, "\(first.message)")
        try FileManager.default.removeItem(atPath: p.path + "/ok.html")
        try write(p.path, ["index.html": "version 2\n"])
        try commitAll(p.path, "drops ok.html")

        let second = try await f.supervisor.deploy(p.id)
        #expect(!second.succeeded && second.switched && second.rolledBack)
        #expect(second.current == first.release)
        #expect(second.message.contains("rolled back to \(first.release ?? "?") automatically"))
        #expect(try page(port) == "version 1\n")
        #expect(await f.supervisor.decisions.contains { $0.text.contains("rolled back to \(first.release ?? "?") automatically") })
        await f.cleanup()
    }

    @Test("a strategy that is not available yet is refused, naming the file, line and field; a bad ref names the repository")
    func refusals() async throws {
        let f = Fixture()
        let p = try await servedProject(f, port: randomPortBase() + 6, deploy: "strategy = \"swarm\"", pages: ["index.html": "v\n"])
        let error = try await #require(throws: VantageError.self) { _ = try await f.supervisor.deploy(p.id) }
        #expect(error.message.contains("\"swarm\" is not yet available"))
        #expect(error.location?.field == "deploy.strategy" && error.location?.line == 6)
        #expect(error.location?.file.hasSuffix(".vantage.toml") == true)

        try write(p.path, [".vantage.toml": "[deploy]\nsteps = []\n"])
        let badRef = try await #require(throws: VantageError.self) { _ = try await f.supervisor.deploy(p.id, ref: "no-such-tag") }
        #expect(badRef.message.contains("no-such-tag") && badRef.message.contains(p.path))
        await f.cleanup()
    }

    @Test("through the control socket the daemon's supervisor deploys and lists releases; with no daemon the request is an error")
    func throughTheDaemon() async throws {
        let f = Fixture()
        let port = randomPortBase() + 5
        let p = try await servedProject(f, port: port, deploy: "steps = [\"true\"]", pages: ["index.html": "from the daemon\n"])
        let paths = f.paths
        let nobody = try await #require(throws: VantageError.self) { try await offPool { try ControlClient.request(paths, .deploy(name: "site", environment: nil, ref: nil)) } }
        #expect(nobody.message.lowercased().contains("daemon") || nobody.message.lowercased().contains("supervisor"), "\(nobody.message)")

        await f.supervisor.start()
        let server = ControlServer(supervisor: f.supervisor, bus: f.bus, socketPath: f.paths.socket)
        try server.start()
        defer { server.stop() }
        guard case .deployment(let outcome) = try await offPool({ try ControlClient.request(paths, .deploy(name: "site", environment: nil, ref: "main"), timeout: 60) }) else {
            Issue.record("no deployment answer"); return
        }
        #expect(outcome.succeeded && outcome.steps.map(\.state) == [.succeeded], "\(outcome.message)")
        #expect(try page(port) == "from the daemon\n")
        guard case .releases(let releases) = try await offPool({ try ControlClient.request(paths, .releases(name: "site")) }) else {
            Issue.record("no releases answer"); return
        }
        #expect(releases.map(\.id) == [outcome.release].compactMap { $0 } && releases.first?.isCurrent == true)
        let nothingBefore = try await #require(throws: VantageError.self) { try await offPool { try ControlClient.request(paths, .rollback(name: "site", release: nil)) } }
        #expect(nothingBefore.message.contains("nothing to roll back to"))
        _ = p
        await f.cleanup()
    }
}
