import Foundation
import Synchronization
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// The user's own `ssh` running `vantage attach --stdio` on a remote host, its standard input and
/// output one end of a socket pair whose other end a `ControlClient` reads and writes: the attach
/// protocol crosses the SSH session unchanged and no port is opened on the remote host. Keys, the
/// agent, `~/.ssh/config` and jump hosts work because it is their ssh, run with `BatchMode=yes`
/// (it never asks a question on the console's screen).
///
/// `VANTAGE_SSH` names another ssh program; `VANTAGE_SSH_CONFIG` a config file given as `-F`.
final class SSHTunnel: Sendable {
    /// Most of ssh's standard error kept for the message.
    static let keptErrorBytes = 4096

    private struct State {
        var errorText = [UInt8]()
        var exitStatus: Int32?
        var ended = false
    }

    let pid: pid_t
    let address: String
    private let state = Mutex(State())
    private let exited = DispatchSemaphore(value: 0)

    private init(pid: pid_t, address: String) {
        self.pid = pid
        self.address = address
    }

    /// The ssh command line for `user@host:port` running `remoteVantage attach --stdio`.
    static func arguments(user: String?, host: String, port: Int?, remoteVantage: String,
                          environment: [String: String]) -> [String] {
        var argv = [environment["VANTAGE_SSH"].flatMap { $0.isEmpty ? nil : $0 } ?? "ssh"]
        if let config = environment["VANTAGE_SSH_CONFIG"], !config.isEmpty { argv += ["-F", config] }
        argv += ["-T", "-o", "BatchMode=yes", "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3"]
        if let port { argv += ["-p", String(port)] }
        if let user { argv += ["-l", user] }
        argv += ["--", host, shellWord(remoteVantage) + " attach --stdio"]
        return argv
    }

    /// `word` as the remote shell reads it back unchanged (a leading `~/` keeps its meaning).
    static func shellWord(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+=:,@%")
        if !word.isEmpty, word.allSatisfy(safe.contains) { return word }
        if word.hasPrefix("~/") { return "~/" + shellWord(String(word.dropFirst(2))) }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Starts ssh and returns the client end of the connection.
    static func connect(_ url: HostURL, name: String, remoteVantage: String, timeout: Double = ControlClient.defaultTimeout,
                        environment: [String: String] = ProcessInfo.processInfo.environment) throws(VantageError) -> ControlClient {
        guard case .ssh(let user, let host, let port) = url.transport else {
            throw VantageError(.usage, "\(url) is not an ssh:// URL")
        }
        let argv = arguments(user: user, host: host, port: port, remoteVantage: remoteVantage, environment: environment)
        var pair: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw VantageError(.io, "cannot connect to \(url): no socket pair (\(LinuxCalls.errnoText()))")
        }
        var errPipe: [Int32] = [0, 0]
        guard pipe(&errPipe) == 0 else {
            close(pair[0]); close(pair[1])
            throw VantageError(.io, "cannot connect to \(url): no pipe (\(LinuxCalls.errnoText()))")
        }
        for fd in errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let mine = pair[0], theirs = pair[1]

        // Its own process group: the console's Ctrl-C and terminal never reach it.
        let spawned: pid_t
        do throws(VantageError) {
            spawned = try ChildProcess.spawn(argv, environment: environment, newProcessGroup: true) { actions in
                posix_spawn_file_actions_adddup2(&actions, theirs, 0)
                posix_spawn_file_actions_adddup2(&actions, theirs, 1)
                posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
            }
        } catch {
            for fd in [mine, theirs, errPipe[0], errPipe[1]] { close(fd) }
            throw VantageError(.unavailable, "cannot reach \(url): \(error.message)", hint: "install OpenSSH's client, or name your ssh program in VANTAGE_SSH")
        }
        close(theirs)
        close(errPipe[1])
        let pid = spawned
        let tunnel = SSHTunnel(pid: pid, address: url.description)
        let errFD = errPipe[0]
        let reader = Thread { tunnel.collect(errFD) }
        reader.name = "vantage-ssh-stderr"
        reader.start()
        return ControlClient(fd: mine, timeout: timeout, host: name, tunnel: tunnel)
    }

    /// Keeps ssh's standard error until it closes, then reaps ssh.
    private func collect(_ fd: Int32) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            state.withLock { s in
                s.errorText += chunk[0..<n]
                if s.errorText.count > Self.keptErrorBytes { s.errorText.removeFirst(s.errorText.count - Self.keptErrorBytes) }
            }
        }
        close(fd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        state.withLock { $0.exitStatus = code }
        exited.signal()
    }

    /// Why the session ended: the last line ssh (or the remote `vantage`) wrote on standard
    /// error, else its exit status; waits up to 3 s for ssh to end. Nil while it still runs.
    func problem() -> String? {
        _ = exited.wait(timeout: .now() + 3)
        exited.signal()
        let (text, status) = state.withLock { s in (String(decoding: s.errorText, as: UTF8.self), s.exitStatus) }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let said = lines.last(where: { !$0.lowercased().hasPrefix("warning:") }) ?? lines.last
        if let said { return "ssh \(address): " + TerminalText.escaped(said) }
        if let status { return "ssh \(address) ended (exit status \(status))" }
        return nil
    }

    /// Ends ssh (SIGTERM to its process group), once.
    func end() {
        let first = state.withLock { s -> Bool in
            defer { s.ended = true }
            return !s.ended && s.exitStatus == nil
        }
        if first { kill(-pid, SIGTERM) }
    }
}

extension ControlClient {
    /// A daemon on another host or under another home: over ssh, or its socket on this machine.
    /// Ids it sends are qualified with `name`.
    public static func connect(_ url: HostURL, name: String, remoteVantage: String = "vantage",
                               timeout: Double = defaultTimeout) throws(VantageError) -> ControlClient {
        switch url.transport {
        case .ssh:
            return try SSHTunnel.connect(url, name: name, remoteVantage: remoteVantage, timeout: timeout)
        case .unix(let socket):
            guard let fd = UnixSocket.connect(socket, timeout: timeout) else {
                throw VantageError(.unavailable, "no Vantage daemon answers on \(socket) (\(LinuxCalls.errnoText()))",
                                   hint: "start one there with `vantage daemon`, or fix the url of host \(name)")
            }
            return ControlClient(fd: fd, timeout: timeout, host: name)
        }
    }
}
