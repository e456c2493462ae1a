import Foundation
import VantageCore
import VantageProbes
@testable import VantageOrchestrator

/// Temporary projects and a supervisor with its own `$VANTAGE_HOME`, removed at the end.
final class Fixture: @unchecked Sendable {
    let root: String
    let paths: VantagePaths
    let bus = Bus()
    let supervisor: Supervisor
    private var created: [Project] = []

    init(options: SupervisorOptions = Fixture.fastOptions(), secrets: (any SecretsSource)? = nil) {
        root = NSTemporaryDirectory() + "vantage-orch-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
        paths = VantagePaths(home: root + "/home", config: root + "/config")
        supervisor = Supervisor(paths: paths, bus: bus, clock: bus.clock, options: options, secrets: secrets)
    }

    static func fastOptions() -> SupervisorOptions {
        var o = SupervisorOptions()
        o.stopTimeout = 3
        o.readinessTimeout = 20
        o.pressure.enabled = false
        return o
    }

    /// Creates a project folder with files and returns the Project value.
    @discardableResult
    func project(_ name: String, kinds: [ProjectKind] = [.command], command: String? = nil, ports: [Int] = [],
                 files: [String: String] = [:]) -> Project {
        let dir = root + "/projects/" + name
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (file, text) in files {
            let path = dir + "/" + file
            try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let project = Project(name: name, path: dir, kinds: kinds, command: command, ports: ports)
        created.append(project)
        return project
    }

    /// A test that failed half way must not leave servers behind: kill whatever carries the markers
    /// of this fixture's projects, and remove their cgroups and files.
    deinit {
        for p in created {
            let marker = ProjectFileName.cgroupName(p, home: paths.home)
            for pid in ProcessLookup.pids(withEnvironmentEntry: ProjectMarker.entry(marker)) { kill(pid, SIGKILL) }
            if let cg = ProjectCgroup.existing(name: marker) {
                cg.signalAll(SIGKILL)
                usleep(20_000)
                cg.remove()
            }
        }
        removeFiles()
    }

    /// Live processes of this fixture's project `name` (its full marker, so processes that other
    /// runs left behind with a project of the same name do not count).
    func processes(named name: String) -> [Int32] {
        guard let p = created.first(where: { $0.name == name }) else { return [] }
        return processesWithMarker(containing: ProjectFileName.cgroupName(p, home: paths.home))
    }

    /// Removes the temporary folder (for tests that start no process).
    func removeFiles() { try? FileManager.default.removeItem(atPath: root) }

    func cleanup() async {
        await supervisor.shutdown()
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// A random base port per test run, so parallel runs on one machine do not collide.
func randomPortBase() -> Int { Int.random(in: 20000...50000) / 10 * 10 }

/// Every live process (not zombie) whose environment carries the marker text.
func processesWithMarker(containing text: String) -> [Int32] {
    ProcessLookup.allPids().filter { pid in
        guard pid != getpid(), !ProcessLookup.isZombie(pid),
              let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
        return String(decoding: data, as: UTF8.self).contains("VANTAGE_PROJECT=\(text)")
    }
}

let pythonServer = "python3 -m http.server $PORT --bind 127.0.0.1"
let nodeServer = "node -e \"require('http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT, '127.0.0.1')\""

/// Runs a blocking call (socket reads, waitpid) on its own thread, never on one of the few threads
/// of Swift's cooperative pool: blocking those can starve the in-process supervisor a test talks to.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
        let thread = Thread {
            do { c.resume(returning: try body()) } catch { c.resume(throwing: error) }
        }
        thread.start()
    }
}
