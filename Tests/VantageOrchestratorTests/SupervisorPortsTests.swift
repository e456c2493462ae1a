import Foundation
import Testing
import VantageCore
import VantageProbes
@testable import VantageOrchestrator

@Suite(.serialized, .timeLimit(.minutes(2))) struct SupervisorPortsTests {
    @Test func twelveProjectsWithClashingPortsAllBecomeReadyOnDistinctPorts() async throws {
        let f = Fixture()
        let base = randomPortBase()
        // Something else already listens on the shared port: the first project must move and say who holds it.
        let blocker = try TestListener(port: base)
        defer { blocker.close() }
        var projects: [Project] = []
        for i in 0..<4 { projects.append(f.project("py-same-\(i)", kinds: [.python], command: pythonServer, ports: [base])) }
        for i in 0..<2 { projects.append(f.project("py-\(i)", kinds: [.python], command: pythonServer, ports: [base + 20 + i])) }
        for i in 0..<3 { projects.append(f.project("node-\(i)", kinds: [.node], command: nodeServer, ports: [base + 20 + i])) }
        for i in 0..<2 { projects.append(f.project("loop-\(i)", command: "while true; do echo tick \(i); sleep 0.2; done")) }
        projects.append(f.project("procfile", kinds: [.procfile], ports: [base + 40], files: [
            "Procfile": "web: python3 -m http.server $PORT --bind 127.0.0.1\nworker: while true; do echo working; sleep 0.5; done\n",
        ]))
        #expect(projects.count == 12)
        await f.supervisor.register(projects)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for p in projects { group.addTask { try await f.supervisor.launch(p.id) } }
            try await group.waitForAll()
        }
        for p in projects {
            let state = await f.supervisor.waitFor(p.id, [.ready, .failed], timeout: .seconds(30))
            #expect(state == .ready, "\(p.name) is \(String(describing: state))")
        }
        let rows = await f.supervisor.snapshot()
        let ports = rows.flatMap(\.ports)
        let expectedPortCount = 10 // 4 + 2 + 3 python/node servers, the loops have none, the Procfile's web one
        #expect(ports.count == expectedPortCount)
        #expect(Set(ports).count == ports.count, "ports are distinct: \(ports)")
        #expect(!ports.contains(base), "the blocked port was not handed out")
        for port in ports { #expect(PortProbe.accepts(port), "something answers on \(port)") }
        let decisions = rows.flatMap(\.decisions)
        #expect(decisions.filter { $0.hasPrefix("py-same-") }.count == 4)
        #expect(decisions.contains { $0.contains("\(base) busy (pid \(getpid())") }, "\(decisions)")
        #expect(decisions.contains { $0.contains(", project py-") || $0.contains("(project py-") || $0.contains("project node-") }, "a clash between two projects names the other project: \(decisions)")
        let moved = try #require(rows.first { $0.name == "py-same-3" })
        let portVar = try #require(await f.supervisor.resolvedEnvironment(projects[3].id).first { $0.key == "PORT" })
        try #require(moved.ports.count > 0)
        #expect(portVar.value == String(moved.ports[0]) && portVar.source.hasPrefix("assigned by Vantage"))
        try #require(projects.count > 3)
        #expect(try await f.supervisor.resolvedEnvironment(projects[3].id).contains { $0.key == "PYTHONUNBUFFERED" && $0.value == "1" })
        let procfile = try #require(rows.first { $0.name == "procfile" })
        #expect(procfile.processes.map(\.name) == ["web", "worker"])
        #expect(procfile.ports.count == 1, "only the web process listens")
        // ps --json carries ports and decisions.
        let json = String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
        #expect(json.contains("\"decisions\""))
        #expect(json.contains("\"ports\""))

        await f.supervisor.stopAll()
        for p in projects {
            #expect(f.processes(named: p.name).isEmpty, "\(p.name) left processes")
        }
        for port in ports { #expect(PortProbe.isFree(port), "port \(port) is free after stop") }
        for row in await f.supervisor.snapshot() { #expect(row.state == .stopped) }
        await f.cleanup()
    }

    @Test func dualStackCheckSeesAnIPv6OnlyListener() throws {
        let port = randomPortBase() + 7
        let listener = try TestListener(port: port, ipv6LoopbackOnly: true)
        defer { listener.close() }
        #expect(!PortProbe.isFree(port))
        let owner = PortOwner.find(port: port)
        #expect(owner?.pid == getpid())
    }
}

/// A listening socket held by the test process.
final class TestListener: @unchecked Sendable {
    let fd: Int32
    init(port: Int, ipv6LoopbackOnly: Bool = false) throws {
        if ipv6LoopbackOnly {
            fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
            var on: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &on, socklen_t(4))
            var addr = sockaddr_in6()
            addr.sin6_family = sa_family_t(AF_INET6)
            addr.sin6_port = in_port_t(UInt16(port).bigEndian)
            addr.sin6_addr = in6addr_loopback
            let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
            guard rc == 0 else { throw VantageError(.conflict, "bind \(port)") }
        } else {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = in_port_t(UInt16(port).bigEndian)
            addr.sin_addr = in_addr(s_addr: UInt32(0x7f000001).bigEndian)
            let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            guard rc == 0 else { throw VantageError(.conflict, "bind \(port)") }
        }
        listen(fd, 8)
    }
    func close() { _ = Glibc.close(fd) }
}
