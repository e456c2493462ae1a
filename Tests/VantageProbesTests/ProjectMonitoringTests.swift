import Foundation
import Testing
@testable import VantageProbes
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Project attribution and meters, with real processes started in a project's folder.
@Suite(.serialized) struct ProjectMonitoringTests {
    private func project(_ folder: TemporaryFolder, _ name: String = "demo") -> Project {
        Project(name: name, path: folder.path, kinds: [.command])
    }

    @Test func aBusyLoopInTheFolderMakesTheProjectRunningAndItsCPUIsMeasured() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sampler = MonitorSampler(projects: [project(folder)])
        let first = try sampler.project()
        #expect(first.state == .stopped)
        var last = first.time

        let child = try SpawnedProcess.shell("cd '\(folder.path)' && while :; do :; done")
        defer { child.kill() }
        // Sample every 250 ms for 2 s and integrate the CPU share over the sampler's own intervals
        // (the times its samples carry: a loaded machine may pause this task between a sample and
        // any clock read here, which would weigh the shares with the wrong intervals).
        var measuredSeconds = 0.0
        var samples: [ProjectSample] = []
        var kernelBefore = 0.0
        for round in 0..<8 {
            try await Task.sleep(for: .milliseconds(250))
            // The kernel's own account of the child's CPU time, read just before and just after the
            // last sample: the monitor read the child somewhere in between. (A sampling pass reads
            // every process; on a loaded machine it can take long enough for the busy child to add
            // most of a second after its own reading.)
            if round == 7 { kernelBefore = try #require(Self.cpuSeconds(of: child.pid)) }
            let sample = try sampler.project()
            measuredSeconds += sample.cpuPercent / 100 * sample.time.timeIntervalSince(last)
            last = sample.time
            samples.append(sample)
        }
        let kernelSeconds = try #require(Self.cpuSeconds(of: child.pid))
        let kernelRSS = try #require(Self.residentBytes(of: child.pid))
        #expect(kernelBefore > 0.1)
        #expect(measuredSeconds > kernelBefore * 0.9 - 0.05 && measuredSeconds < kernelSeconds * 1.1 + 0.05,
                "monitor \(measuredSeconds) s, kernel \(kernelBefore)–\(kernelSeconds) s around the last sample")
        #expect(child.killAndMeasureCPU() >= kernelSeconds - 0.02, "wait4 agrees with /proc")
        let sample = try #require(samples.last)
        #expect(sample.state == .external)
        #expect(sample.pids == [child.pid])
        #expect(sample.processCount == 1)
        // A shell loop's memory does not move: the monitor's figure is the kernel's VmRSS.
        #expect(sample.rssBytes > 0 && abs(Int64(sample.rssBytes) - Int64(kernelRSS)) <= 256 * 1024,
                "monitor \(sample.rssBytes) B, kernel VmRSS \(kernelRSS) B")
        #expect(samples.allSatisfy { $0.cpuPercent < 110 })   // one single-threaded loop
        if machineHasASpareCore() {
            #expect(samples.suffix(4).map(\.cpuPercent).max() ?? 0 > 50, "\(samples.map(\.cpuPercent))")
        }

        let after = try sampler.project()
        #expect(after.state == .stopped)
        #expect(after.processCount == 0 && after.cpuPercent == 0 && after.rssBytes == 0)
    }

    @Test func memoryOfAPythonProcessIsCountedInTheProjectRSS() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sampler = MonitorSampler(projects: [project(folder)])
        let size = 96 << 20
        let child = try SpawnedProcess.shell(
            "cd '\(folder.path)' && exec python3 -c 'import time; b = b\"x\" * \(size); open(\"ready\", \"w\").close(); time.sleep(60)'")
        defer { child.kill() }
        #expect(await eventually { FileManager.default.fileExists(atPath: folder.path + "/ready") })
        let sample = try sampler.project()
        #expect(sample.state == .external)
        #expect(sample.rssBytes > UInt64(size))
        #expect(sample.pids == [child.pid])
    }

    @Test func descendantsCountOnceAndTheDeepestProjectWins() async throws {
        let outer = try TemporaryFolder()
        defer { outer.remove() }
        let innerPath = outer.path + "/inner"
        try FileManager.default.createDirectory(atPath: innerPath, withIntermediateDirectories: false)
        let outerProject = Project(name: "outer", path: outer.path, kinds: [.command])
        let innerProject = Project(name: "inner", path: innerPath + "/", kinds: [.command])   // trailing slash on purpose
        let sampler = MonitorSampler(projects: [outerProject, innerProject])

        // A shell in outer/ starts a sleep that moves to / (still outer's, as a descendant) and a
        // sleep that moves into inner/ (inner's: its own cwd is the deeper match).
        let child = try SpawnedProcess.shell(
            "cd '\(outer.path)'; (cd / && exec sleep 60) & (cd '\(innerPath)' && exec sleep 61) & wait")
        defer { child.kill() }
        var samples: [ProjectSample] = []
        let settled = await eventually {
            samples = sampler.sampleNow().projects
            return samples.count == 2 && samples[0].processCount == 2 && samples[1].processCount == 1
        }
        #expect(settled, "outer \(samples.first?.processCount ?? -1), inner \(samples.last?.processCount ?? -1)")
        try #require(samples.count == 2)
        #expect(samples[0].pids == [child.pid])
        #expect(samples[0].state == .external && samples[1].state == .external)
        let innerRoot = try #require(samples[1].pids.first)
        #expect(ProcReader().process(innerRoot)?.ppid == child.pid)
        #expect(ProcReader().cwd(innerRoot) == innerPath)
    }

    @Test func aProjectPathThroughASymbolicLinkStillMatches() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let link = folder.path + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.path)
        defer { try? FileManager.default.removeItem(atPath: link) }
        let sampler = MonitorSampler(projects: [Project(name: "linked", path: link, kinds: [.command]),
                                                Project(name: "relative", path: "", kinds: [.command])])
        let child = try SpawnedProcess.shell("cd '\(link)' && exec sleep 60")
        defer { child.kill() }
        var samples: [ProjectSample] = []
        #expect(await eventually {
            samples = sampler.sampleNow().projects
            return samples.first?.state == .external
        })
        try #require(samples.count == 2)
        #expect(samples[0].project == ProjectID(link))   // reported under the path it was given
        #expect(samples[1].state == .stopped)            // an empty path matches nothing
    }

    @Test func aListeningServerInTheFolderReportsItsPort() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let port = freeTCPPort()
        let sampler = MonitorSampler(projects: [project(folder)])
        let child = try SpawnedProcess.shell(
            "cd '\(folder.path)' && exec python3 -m http.server \(port) --bind 127.0.0.1")
        defer { child.kill() }
        var sample = try sampler.project()
        let found = await eventually {
            sample = sampler.sampleNow().projects.first ?? sample
            return sample.listeningPorts.contains(port)
        }
        #expect(found, "ports \(sample.listeningPorts)")
        #expect(sample.listeningPorts == [port])
        // Netlink (what the monitor uses) and /proc/net/tcp agree on this listener.
        let reader = ProcReader()
        let viaNetlink = reader.listeningSockets(), viaFiles = reader.listeningSocketsFromFiles()
        let inode = try #require(viaFiles.first { $0.value == port }?.key)
        #expect(viaNetlink[inode] == port)
        // And once the server is gone, the port is gone too.
        child.kill()
        #expect(try sampler.project().listeningPorts.isEmpty)
    }

    @Test func anIPv6ListenerIsFoundThroughTcp6() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let port = freeTCPPort()
        let child = try SpawnedProcess.shell(
            "cd '\(folder.path)' && exec python3 -c 'import socket,time; s=socket.socket(socket.AF_INET6); s.bind((\"::1\", \(port))); s.listen(); time.sleep(60)'")
        defer { child.kill() }
        let sampler = MonitorSampler(projects: [project(folder)])
        #expect(await eventually { sampler.sampleNow().projects.first?.listeningPorts == [port] })
    }

    @Test func aProcessThatMovesIntoTheFolderLaterIsAttributedWithinAFewTicks() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sampler = MonitorSampler(projects: [project(folder)])
        // Starts outside the project, is seen there, then cds in (its cwd is re-read every few ticks).
        let child = try SpawnedProcess.shell("cd / && sleep 0.5 && cd '\(folder.path)' && exec sleep 60")
        defer { child.kill() }
        #expect(try sampler.project().state == .stopped)
        try await Task.sleep(for: .milliseconds(700))
        var ticks = 0
        let attributed = await eventually(timeout: .seconds(5)) {
            ticks += 1
            try? await Task.sleep(for: .milliseconds(50))
            return sampler.sampleNow().projects.first?.state == .external
        }
        #expect(attributed)
        #expect(ticks <= sampler.refreshTicks + 1)
    }

    @Test func vantageAndTheShellThatStartedItAreNeverAttributed() throws {
        let here = FileManager.default.currentDirectoryPath
        let project = Project(name: "here", path: here, kinds: [.swift])
        let sample = try MonitorSampler(projects: [project]).project()
        #expect(!sample.pids.contains(getpid()) && !sample.pids.contains(getppid()))
        // Without the exclusions this very process is attributed (its cwd is the project).
        let unexcluded = try MonitorSampler(projects: [project], excluding: [], excludeAncestors: false).project()
        var chain: Set<Int32> = [getpid()]
        var current = getpid()
        let reader = ProcReader()
        while current > 1, let parent = reader.process(current, withCWD: false)?.ppid {
            chain.insert(parent)
            current = parent
        }
        #expect(!chain.isDisjoint(with: unexcluded.pids), "roots \(unexcluded.pids), chain \(chain)")
        #expect(chain.isDisjoint(with: sample.pids))
        #expect(unexcluded.processCount > sample.processCount)
    }

    /// VmRSS of a process from /proc/PID/status, in bytes.
    static func residentBytes(of pid: Int32) -> UInt64? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kB = UInt64(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kB * 1024
    }

    /// utime + stime of a process from /proc/PID/stat, in seconds.
    static func cpuSeconds(of pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
