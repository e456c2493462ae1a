import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// A real child process for tests, started with posix_spawn with an empty signal mask and default
/// signal dispositions (Swift Testing blocks SIGTERM/SIGINT/SIGHUP and children would inherit it).
final class SpawnedProcess: @unchecked Sendable {
    let pid: pid_t
    private var reaped = false

    init(_ executable: String, _ arguments: [String]) throws {
        // Its own group, so kill() reaches its children too. Standard streams go to /dev/null: a
        // child that outlived a crashed test binary must not hold the runner's output pipe open.
        pid = try ChildProcess.spawn([executable] + arguments, newProcessGroup: true) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
    }

    /// `/bin/sh -c script`.
    static func shell(_ script: String) throws -> SpawnedProcess {
        try SpawnedProcess("/bin/sh", ["-c", script])
    }

    /// Sends SIGKILL to the child's whole process group and reaps the child.
    func kill() {
        guard !reaped else { return }
        Glibc.kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        reaped = true
    }

    /// Kills the process group, reaps the child and returns the CPU time (user + system, seconds)
    /// the kernel accounted to it over its life.
    func killAndMeasureCPU() -> Double {
        guard !reaped else { return 0 }
        Glibc.kill(-pid, SIGKILL)
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        reaped = true
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    deinit { kill() }
}

/// A fresh temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String
    init(_ label: String = "vantage-probes") throws {
        let template = FileManager.default.temporaryDirectory.path + "/\(label)-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else { throw POSIXError(.EIO) }
        // Resolve symlinks so the path matches what /proc/PID/cwd reports.
        let made = String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        path = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Polls `condition` every 50 ms until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(20), _ condition: () async -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let end = clock.now.advanced(by: timeout)
    while clock.now < end {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return await condition()
}

/// A TCP port nobody listens on now (bind to port 0 and read back what the kernel chose).
func freeTCPPort() -> Int {
    let socket = boundTCPSocket(listening: false)
    close(socket.fd)
    return socket.port
}

/// A TCP socket on 127.0.0.1 at a port the kernel chose, listening if asked; the caller closes it.
func boundTCPSocket(listening: Bool) -> (fd: Int32, port: Int) {
    // Close-on-exec: a child another test spawns meanwhile must not inherit (and keep) the socket.
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    withUnsafeMutablePointer(to: &addr) { p in
        p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
            _ = bind(fd, sa, len)
            _ = getsockname(fd, sa, &len)
        }
    }
    if listening { _ = listen(fd, 1) }
    return (fd, Int(UInt16(bigEndian: addr.sin_port)))
}

/// True when the machine has a core to spare (load average below the core count), so a busy
/// child can be expected to get most of one.
func machineHasASpareCore() -> Bool {
    var load = [Double](repeating: 0, count: 1)
    return getloadavg(&load, 1) == 1 && load[0] < Double(sysconf(Int32(_SC_NPROCESSORS_ONLN))) - 0.8
}
