import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// What to start: a shell command line, its folder and its whole environment.
struct SpawnRequest: Sendable {
    var command: String
    var directory: String
    var environment: [String: String]
    var stdoutFD: Int32
    var stderrFD: Int32
}

/// A process started by `ProcessLauncher` and held at a gate: it has not run the user's command yet.
/// The supervisor puts it in its cgroup and sets its priority and limits, then opens the gate.
struct GatedProcess: Sendable {
    let pid: pid_t
    let gateFD: Int32

    /// Lets the process run its command.
    func open() {
        var newline: UInt8 = 10
        _ = write(gateFD, &newline, 1)
        close(gateFD)
    }
}

/// Starts processes with `posix_spawn`: a new session and process group (POSIX_SPAWN_SETSID), an empty
/// signal mask and default dispositions (Swift Testing and some hosts block SIGTERM, and children would
/// inherit that), stdin from /dev/null, stdout/stderr to the given descriptors, and every other
/// descriptor closed. The environment goes only through `envp`, never through our own environ.
enum ProcessLauncher {
    /// The shell prelude waits on descriptor 3 until the supervisor opens the gate.
    static let prelude = "read _ <&3; exec 3<&-; "

    static func spawn(_ request: SpawnRequest) throws(VantageError) -> GatedProcess {
        guard let gatePipe = LinuxCalls.cloexecPipe() else {
            throw VantageError(.io, "cannot create a pipe: \(LinuxCalls.errnoText())")
        }
        let gate = [gatePipe.read, gatePipe.write]
        var actions = posix_spawn_file_actions_t()
        var attr = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attr)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attr)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, request.stdoutFD, 1)
        posix_spawn_file_actions_adddup2(&actions, request.stderrFD, 2)
        posix_spawn_file_actions_adddup2(&actions, gate[0], 3)
        _ = LinuxCalls.spawnAddCloseFrom(&actions, 4)
        _ = LinuxCalls.spawnAddChdir(&actions, request.directory)

        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attr, &emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attr, &allSignals)
        let flags = Int32(0x80 /* POSIX_SPAWN_SETSID */) | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setflags(&attr, Int16(flags))

        let argv = ["/bin/sh", "-c", prelude + execIfSimple(request.command)]
        let envp = request.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let rc = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnv in
                posix_spawn(&pid, "/bin/sh", &actions, &attr, cArgv, cEnv)
            }
        }
        close(gate[0])
        guard rc == 0 else {
            close(gate[1])
            throw VantageError(.io, "cannot start `\(request.command)` in \(request.directory): \(LinuxCalls.errnoText(rc))",
                               hint: "check that the folder exists and the command is installed")
        }
        return GatedProcess(pid: pid, gateFD: gate[1])
    }

    /// A single simple command is run with `exec`, so the project's main pid is the program itself,
    /// not a shell waiting for it. Lists, pipes, loops and subshells are left to the shell.
    static func execIfSimple(_ command: String) -> String {
        let trimmed = command.trimmingCharacters(in: .whitespacesAndNewlines)
        let special: Set<Character> = [";", "&", "|", "(", ")", "\n", "`", "<", ">"]
        let keywords = ["while", "for", "if", "case", "until", "{", "exec", "!", "cd", "export"]
        let first = trimmed.split(separator: " ").first.map(String.init) ?? ""
        var quote: Character?
        for c in trimmed {
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "'" || c == "\"" { quote = c; continue }
            if special.contains(c) { return command }
        }
        if keywords.contains(first) || first.contains("=") { return command }
        return "exec " + trimmed
    }

    /// Runs a command to completion (used by exec readiness probes); returns its exit status.
    static func run(_ command: String, directory: String, environment: [String: String], timeout: Duration) async -> Int32? {
        let devnull = open("/dev/null", O_WRONLY | O_CLOEXEC)
        defer { close(devnull) }
        guard let process = try? spawn(SpawnRequest(command: command, directory: directory, environment: environment,
                                                    stdoutFD: devnull, stderrFD: devnull)) else { return nil }
        process.open()
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            let r = waitpid(process.pid, &status, WNOHANG)
            if r == process.pid { return ExitStatus(raw: status).code ?? -1 }
            if r < 0 { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        kill(-process.pid, SIGKILL)
        var status: Int32 = 0
        waitpid(process.pid, &status, 0)
        return nil
    }
}

/// A decoded wait status.
struct ExitStatus: Sendable, Equatable, CustomStringConvertible {
    let raw: Int32
    var code: Int32? { (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : nil }
    var signal: Int32? { (raw & 0x7f) != 0 && (raw & 0x7f) != 0x7f ? raw & 0x7f : nil }
    var isSuccess: Bool { code == 0 }
    var description: String {
        if let code { return "exited with status \(code)" }
        if let signal { return "killed by signal \(signal) (\(SignalName.of(signal)))" }
        return "ended (status \(raw))"
    }
}

enum SignalName {
    static func of(_ s: Int32) -> String {
        switch s {
        case SIGKILL: return "SIGKILL"
        case SIGTERM: return "SIGTERM"
        case SIGSEGV: return "SIGSEGV"
        case SIGABRT: return "SIGABRT"
        case SIGINT: return "SIGINT"
        case SIGHUP: return "SIGHUP"
        case SIGBUS: return "SIGBUS"
        default: return "signal \(s)"
        }
    }
}

/// Calls `body` with a NULL-terminated C array of the strings.
func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
