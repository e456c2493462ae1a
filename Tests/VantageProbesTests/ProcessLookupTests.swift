import Foundation
import Testing
@testable import VantageProbes
#if canImport(Glibc)
import Glibc
#endif

/// The one-off process reads the supervisor uses, on real processes and a real socket.
@Suite struct ProcessLookupTests {
    @Test func statOfThisProcessAndAChild() throws {
        let me = try #require(ProcessLookup.stat(getpid()))
        #expect(me.pid == getpid() && me.ppid == getppid() && !me.isZombie)
        #expect(me.rssBytes > 1 << 20, "a test binary holds more than 1 MB")
        let child = try SpawnedProcess.shell("exec sleep 30")
        defer { child.kill() }
        let stat = try #require(ProcessLookup.stat(child.pid))
        #expect(stat.ppid == getpid())
        #expect(stat.pgid == child.pid, "spawned in its own group")
        #expect(ProcessLookup.members(ofGroup: child.pid) == [child.pid])
        #expect(ProcessLookup.allPids().contains(child.pid))
        #expect(ProcessLookup.stats([child.pid, getpid()]).map(\.pid) == [child.pid, getpid()])
    }

    @Test func aZombieIsToldApartAndAGoneProcessReadsAsNil() throws {
        let child = try SpawnedProcess.shell("exit 0")
        var waited = 0
        while !ProcessLookup.isZombie(child.pid), waited < 500 { usleep(10_000); waited += 1 }
        #expect(ProcessLookup.isZombie(child.pid), "exited and not reaped yet")
        #expect(ProcessLookup.members(ofGroup: child.pid).isEmpty, "zombies are not members")
        child.kill() // reaps it
        #expect(ProcessLookup.stat(child.pid) == nil)
        #expect(ProcessLookup.io(child.pid) == nil)
    }

    @Test func theEnvironmentMarkerFindsExactlyItsProcesses() async throws {
        let marker = "VANTAGE_TEST_MARK=" + UUID().uuidString.prefix(8)
        let marked = try SpawnedProcess.shell("export \(marker); exec sleep 30")
        let longer = try SpawnedProcess.shell("export \(marker)x; exec sleep 30")
        defer { marked.kill(); longer.kill() }
        #expect(await eventually { ProcessLookup.pids(withEnvironmentEntry: marker) == [marked.pid] },
                "the exec'd sleep carries the variable; the longer value does not match")
    }

    @Test func thePortOwnerAndListeningPortsOfAProcess() async throws {
        let (fd, port) = boundTCPSocket(listening: true)
        try #require(port > 0)
        let owner = try #require(PortOwner.find(port: port))
        #expect(owner.pid == getpid())
        #expect(owner.command == ProcReader().comm(getpid()))
        #expect(ProcessLookup.listeningPorts(of: [getpid()]).contains(port))
        close(fd)
        // A child that another test forks meanwhile holds a copy of the socket until its exec closes it.
        #expect(await eventually { PortOwner.find(port: port) == nil }, "nothing listens once it is closed")
    }

    @Test func theAgeOfThisProcessFollowsTheKernelsClock() throws {
        let first = try #require(ProcessLookup.ageOfThisProcess())
        #expect(first > 0)
        usleep(200_000)
        let second = try #require(ProcessLookup.ageOfThisProcess())
        // /proc/uptime has 10 ms steps; a loaded machine may wake the sleeper late, never early.
        #expect(second - first >= 190 && second - first < 10_000, "\(second - first)")
    }
}
