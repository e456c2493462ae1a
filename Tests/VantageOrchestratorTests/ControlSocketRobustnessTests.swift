import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator

/// The control socket against hostile and careless clients: over-long lines, out-of-range fields,
/// and clients that wait on a daemon that does not answer.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ControlSocketRobustnessTests {
    /// A pair of connected unix stream sockets.
    static func socketPair() throws -> (Int32, Int32) {
        var fds: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        return (fds[0], fds[1])
    }

    @Test func aLineLongerThanTheLimitIsRefusedAfterOnePassOverTheLimit() async throws {
        let (reader, writer) = try Self.socketPair()
        defer { close(reader) }
        // The writer would send 300 MB without a newline; it stops when the reader hangs up. It
        // blocks, so it runs on a thread of its own, not on the cooperative pool.
        let sentBytes = Counter()
        let writerDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 16)
            while sentBytes.value < 300 << 20 {
                let n = chunk.withUnsafeBytes { send(writer, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { break }
                sentBytes.add(n)
            }
            close(writer)
            writerDone.signal()
        }
        let start = ContinuousClock.now
        let outcome = try await offPool { LineReader(fd: reader, maxLineBytes: 1 << 20).next() }
        let elapsed = ContinuousClock.now - start
        #expect(outcome == .tooLong)
        // The reader stops once the limit is passed; the quadratic reader took 506 s on a 300 MB
        // line. The bound is loose because a loaded 2-core machine stretched a 1 s read to 5.6 s.
        #expect(elapsed < .seconds(60), "gave up after \(elapsed)")
        shutdown(reader, Int32(SHUT_RDWR))
        _ = try await offPool { writerDone.wait() }
        #expect(sentBytes.value < 32 << 20, "the reader stopped reading near the limit; \(sentBytes.value) bytes went out")
    }

    @Test func linesSplitAcrossReadsAndManyLinesInOneReadAreReadExactly() throws {
        let (reader, writer) = try Self.socketPair()
        defer { close(reader) }
        let lines = LineReader(fd: reader, maxLineBytes: 64)
        #expect(UnixSocket.writeAll(writer, Data("one\ntw".utf8)))
        #expect(lines.next() == .line(Data("one".utf8)))
        #expect(UnixSocket.writeAll(writer, Data("o\n\nthree\n".utf8)))
        #expect(lines.next() == .line(Data("two".utf8)))
        #expect(lines.next() == .line(Data()))
        #expect(lines.next() == .line(Data("three".utf8)))
        #expect(UnixSocket.writeAll(writer, Data(String(repeating: "x", count: 64).utf8 + [10])))
        #expect(lines.next() == .line(Data(String(repeating: "x", count: 64).utf8)))
        #expect(UnixSocket.writeAll(writer, Data(String(repeating: "y", count: 65).utf8)))
        #expect(lines.next() == .tooLong)
        close(writer)
    }

    @Test func theServerClosesAConnectionWhoseRequestIsTooLongAndKeepsServingOthers() async throws {
        let f = Fixture()
        defer { f.removeFiles() }
        let server = ControlServer(supervisor: f.supervisor, bus: f.bus, socketPath: f.paths.socket, maxRequestBytes: 4096)
        try server.start()
        defer { server.stop() }
        let paths = f.paths
        let hostile = try await offPool { try ControlClient.connect(paths) }
        #expect(UnixSocket.writeAll(hostile.fd, Data(repeating: UInt8(ascii: "{"), count: 10_000)))
        let answer = try await offPool { try hostile.next() }
        #expect(answer == .error(message: "the request is longer than 4096 bytes; closing the connection"))
        await #expect(throws: VantageError.self) { _ = try await offPool { try hostile.next() } }
        #expect(try await offPool { try ControlClient.request(paths, .ps) } == .status([]))
    }

    /// `vantage logs NAME -n=-1` killed the daemon (`suffix(-1)`); now every out-of-range field
    /// gets an error answer and the daemon goes on.
    @Test(arguments: [
        (ControlRequest.logs(name: "p", lines: -1, follow: false), "the request's line count must be between 0 and 1000000, not -1"),
        (.logs(name: "p", lines: Int.max, follow: true), "the request's line count must be between 0 and 1000000, not \(Int.max)"),
        (.backlog(lines: -5), "the request's line count must be between 0 and 1000000, not -5"),
        (.logs(name: "", lines: 10, follow: false), "the request's names include an empty name or one with a NUL byte"),
        (.stop(names: ["a\0b"], all: false), "the request's names include an empty name or one with a NUL byte"),
        (.launch(names: ["p"], all: false, environment: nil, overrides: ["A=B": "x"]),
         "the request's variable \"A=B\" is not a valid name (letters, digits, _, . and -, not starting with a digit)"),
        (.limit(name: "p", limits: ResourceLimits(cpus: -1)), "the CPU limit must be a number of cores between 0.01 and 4096, not -1.0"),
        (.limit(name: "p", limits: ResourceLimits(cpus: 5000)), "the CPU limit must be a number of cores between 0.01 and 4096, not 5000.0"),
        (.limit(name: "p", limits: ResourceLimits(memoryBytes: .max)), "the memory limit must be between 1 byte and 1 PiB, not \(UInt64.max)"),
        (.limit(name: "p", limits: ResourceLimits(pids: -3)), "the process limit must be between 1 and 4194304, not -3"),
        (.limit(name: "p", limits: ResourceLimits(openFiles: Int.min)), "the open-files limit must be between 1 and 1048576, not \(Int.min)"),
    ] as [(ControlRequest, String)])
    func outOfRangeFieldsGetAnErrorAnswer(request: ControlRequest, message: String) async throws {
        let f = Fixture()
        defer { f.removeFiles() }
        let p = f.project("p", command: "sleep 30")
        await f.supervisor.register([p])
        let server = ControlServer(supervisor: f.supervisor, bus: f.bus, socketPath: f.paths.socket)
        try server.start()
        defer { server.stop() }
        let paths = f.paths
        let client = try await offPool { try ControlClient.connect(paths) }
        #expect(try await offPool { try client.send(request) } == .error(message: message))
        // The same connection is still served.
        guard case .status(let rows) = try await offPool({ try client.send(.ps) }) else { Issue.record("no status"); return }
        #expect(rows.map(\.name) == ["p"])
    }

    /// JSON cannot carry inf or NaN, but a client can write numbers no Double holds, or fields of
    /// the wrong type: each gets an error answer.
    @Test(arguments: [#"{"limit":{"name":"p","limits":{"cpus":1e999}}}"#, #"{"logs":{"name":"p","lines":99999999999999999999,"follow":false}}"#,
                      #"{"logs":{"name":"p","lines":"ten","follow":false}}"#, #"{"backlog":{"lines":-1}}"#, #"[]"#, #"{"nosuch":{}}"#])
    func malformedRequestLinesGetAnErrorAnswer(line: String) async throws {
        let f = Fixture()
        defer { f.removeFiles() }
        let server = ControlServer(supervisor: f.supervisor, bus: f.bus, socketPath: f.paths.socket)
        try server.start()
        defer { server.stop() }
        let paths = f.paths
        let client = try await offPool { try ControlClient.connect(paths) }
        #expect(UnixSocket.writeAll(client.fd, Data((line + "\n").utf8)))
        guard case .error = try await offPool({ try client.next() }) else { Issue.record("no error for \(line)"); return }
        #expect(try await offPool { try client.send(.ps) } == .status([]))
    }

    @Test func logsReadTheRotatedFilesAndSayWhenOlderLinesExist() async throws {
        let f = Fixture()
        defer { f.removeFiles() }
        let p = f.project("talker", command: "sleep 30")
        await f.supervisor.register([p])
        let log = try #require(await f.supervisor.log(of: p.id))
        try FileManager.default.createDirectory(atPath: f.paths.logs, withIntermediateDirectories: true)
        let stamp = "2026-11-25T10:00:00.000Z out"
        try (1...3).map { "\(stamp) oldest \($0)" }.joined(separator: "\n").appending("\n").write(toFile: log.path + ".2", atomically: true, encoding: .utf8)
        try (1...3).map { "\(stamp) older \($0)" }.joined(separator: "\n").appending("\n").write(toFile: log.path + ".1", atomically: true, encoding: .utf8)
        try (1...2).map { "\(stamp) newest \($0)" }.joined(separator: "\n").appending("\n").write(toFile: log.path, atomically: true, encoding: .utf8)
        let server = ControlServer(supervisor: f.supervisor, bus: f.bus, socketPath: f.paths.socket)
        try server.start()
        defer { server.stop() }
        let paths = f.paths
        let four = try await offPool { try ControlClient.request(paths, .logs(name: "talker", lines: 4, follow: false)) }
        #expect(four == .logTail(lines: ["\(stamp) older 2", "\(stamp) older 3", "\(stamp) newest 1", "\(stamp) newest 2"], earlier: true))
        let all = try await offPool { try ControlClient.request(paths, .logs(name: "talker", lines: 8, follow: false)) }
        guard case .logTail(let lines, let earlier) = all else { Issue.record("no tail: \(all)"); return }
        #expect(lines.count == 8 && lines.first == "\(stamp) oldest 1" && !earlier)
        let none = try await offPool { try ControlClient.request(paths, .logs(name: "talker", lines: 0, follow: false)) }
        #expect(none == .logTail(lines: [], earlier: true))
    }

    /// A daemon that never answers (here: a socket nobody reads) costs a request its timeout,
    /// then an error that says the daemon did not answer.
    @Test func aRequestToASilentDaemonTimesOut() async throws {
        let home = NSTemporaryDirectory() + "vantage-silent-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let paths = VantagePaths(home: home, config: home + "/config")
        try paths.ensurePrivateHome()
        let listener = try UnixSocket.listen(paths.socket)
        defer { close(listener) }
        let start = ContinuousClock.now
        await #expect {
            _ = try await offPool { try ControlClient.request(paths, .ps, timeout: 0.5) }
        } throws: { error in
            (error as? VantageError)?.message == "the Vantage daemon did not answer within 0.5 s"
        }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(450) && elapsed < .seconds(5), "\(elapsed)")
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func add(_ n: Int) { lock.lock(); total += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return total }
}
