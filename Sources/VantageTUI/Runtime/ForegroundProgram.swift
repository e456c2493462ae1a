import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// A program the user works in on this terminal (the shell of `!`).
enum ForegroundProgram {

    /// Runs `argv` on this process's terminal, in the foreground, until it exits (an interactive
    /// shell the user types into): in a process group of its own that is given the terminal
    /// (`tcsetpgrp`), so Ctrl-C and Ctrl-Z reach it and not the caller; the terminal comes back
    /// to the caller's group afterwards. A child stopped by Ctrl-Z is continued (there is no job
    /// control to hand it to). Returns the exit status (128 + signal when a signal ended it).
    static func run(_ argv: [String], directory: String?, environment: [String: String],
                    terminal: Int32 = STDIN_FILENO) throws(VantageError) -> Int32 {
        // The folder is entered by the shell prefix ChildProcess.run uses (no addchdir in Swift here).
        let inFolder = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0] + argv } ?? argv
        let pid = try ChildProcess.spawn(inFolder, environment: environment, newProcessGroup: true) { _ in }
        let ownGroup = getpgrp()
        // A process not in the terminal's foreground group is stopped by SIGTTOU when it calls
        // tcsetpgrp, unless it blocks that signal: blocked while the terminal is handed over and back.
        var ttou = sigset_t()
        sigemptyset(&ttou)
        sigaddset(&ttou, SIGTTOU)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &ttou, &previous)
        defer {
            tcsetpgrp(terminal, ownGroup)
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        tcsetpgrp(terminal, pid)
        kill(-pid, SIGCONT)     // a shell that read the terminal before it was its own stopped itself
        var status: Int32 = 0
        while true {
            if waitpid(pid, &status, WUNTRACED) == -1 {
                if errno == EINTR { continue }
                throw VantageError(.unavailable, "lost track of \(argv.first ?? "the program"): \(String(cString: strerror(errno)))")
            }
            guard status & 0xff == 0x7f else { break }     // stopped (Ctrl-Z): give it the terminal again
            tcsetpgrp(terminal, pid)
            kill(-pid, SIGCONT)
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
