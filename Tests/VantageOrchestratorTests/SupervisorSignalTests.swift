import Foundation
import Testing
import VantageCore
import VantageProbes
@testable import VantageOrchestrator
#if canImport(Glibc)
import Glibc
#endif

/// The process view's signal chooser (issue 12 §7): `Command.signal` reaches the supervisor that
/// runs the project, which sends it only to a process of that project and says what came of it.
@Suite(.serialized) struct SupervisorSignalTests {
    /// The next `.signalSent` report on the bus.
    static func nextReport(_ reports: AsyncStream<Event>) async -> SignalReport? {
        for await case .signalSent(let report) in reports { return report }
        return nil
    }

    @Test func usr1ReachesTheProjectsTrapAndOtherProcessesAreRefusedInWords() async throws {
        let f = Fixture()
        let p = f.project("trapper", command: "trap 'echo got-usr1-marker' USR1; while :; do sleep 0.1; done")
        await f.supervisor.register([p])
        await f.supervisor.start()
        let reports = f.bus.events([.signalSent])
        try await f.supervisor.launch(p.id)
        #expect(await f.supervisor.waitFor(p.id, [.ready], timeout: .seconds(60)) == .ready)
        let pid = try #require(await f.supervisor.status(of: p.id)?.pid)

        #expect(f.bus.send(.signal(p.id, pid: pid, .usr1)) == .delivered(to: 1))
        let sent = try #require(await Self.nextReport(reports))
        #expect(sent.failure == nil && sent.pid == pid && sent.signal == .usr1, "\(sent)")
        #expect(sent.summary.hasPrefix("sent SIGUSR1 to \(pid) ("), "\(sent.summary)")
        #expect(sent.command.contains("got-usr1-marker"), "the command line of the project's shell: \(sent.command)")
        let log = try #require(await f.supervisor.log(of: p.id)).path
        var printed = false
        for _ in 0..<200 where !printed {
            printed = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("got-usr1-marker")
            if !printed { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(printed, "the trap printed its marker into the project's log")

        // A process of this machine that is not the project's (started outside its folder).
        let stranger = Process()
        stranger.executableURL = URL(fileURLWithPath: "/bin/sleep")
        stranger.arguments = ["30"]
        stranger.currentDirectoryURL = URL(fileURLWithPath: "/")
        try stranger.run()
        defer { stranger.terminate(); stranger.waitUntilExit() }
        let strangerPid = stranger.processIdentifier
        f.bus.send(.signal(p.id, pid: strangerPid, .term))
        let refused = try #require(await Self.nextReport(reports))
        #expect(refused.failure?.hasPrefix("process \(strangerPid) is not one of trapper's") == true, "\(refused)")
        #expect(ProcessLookup.stat(strangerPid) != nil && stranger.isRunning, "the stranger was not signalled")

        // A process that has exited.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        f.bus.send(.signal(p.id, pid: gone.processIdentifier, .hup))
        let missing = try #require(await Self.nextReport(reports))
        #expect(missing.failure == "no such process: it has already exited", "\(missing)")
        #expect(missing.summary.hasPrefix("SIGHUP to \(gone.processIdentifier)") && missing.summary.hasSuffix("not sent: no such process: it has already exited"))

        #expect(await f.supervisor.status(of: p.id)?.state == .ready, "USR1 was trapped: the project still runs")
        await f.cleanup()
    }

    @Test func theWordsForKillErrors() {
        #expect(Supervisor.words(for: ESRCH) == "no such process: it has already exited")
        #expect(Supervisor.words(for: EPERM) == "not permitted: the process belongs to another user (or is protected)")
        #expect(Supervisor.number(of: .usr2) == SIGUSR2 && Supervisor.number(of: .hup) == SIGHUP)
    }
}
