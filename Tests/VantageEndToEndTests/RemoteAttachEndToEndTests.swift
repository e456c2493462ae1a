import Foundation
import Testing
import VantageCore

/// The console attached to another host's daemon over SSH, on the real binaries: a real OpenSSH
/// server on loopback (`LoopbackSSHD`), a second `VANTAGE_HOME` with its own daemon as the remote
/// host, and `vantage --connect ssh://user@127.0.0.1:PORT`, which runs `vantage attach --stdio`
/// there through ssh.
@Suite(.serialized) struct RemoteAttachEndToEndTests {
    /// A remote host: its daemon under its own home, and the program ssh runs there (the binary
    /// with that home, as a login on that host would have it).
    struct RemoteHost {
        let root: String
        let home: String
        let program: String
        var daemon: Int32?

        init(binary: String, base: String, projects: [String: String]) throws {
            root = base + "/remote-root"
            home = base + "/remote-home"
            program = base + "/remote-vantage"
            for (name, config) in projects {
                try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
                try config.write(toFile: root + "/\(name)/.vantage.toml", atomically: true, encoding: .utf8)
            }
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: home + "/daemon-test.log", contents: nil)
            try "#!/bin/sh\nVANTAGE_HOME=\(TmuxSession.shellQuote(home)) exec \(TmuxSession.shellQuote(binary)) \"$@\"\n"
                .write(toFile: program, atomically: true, encoding: .utf8)
            chmod(program, 0o755)
        }

        mutating func start(_ binary: String) throws {
            daemon = try DaemonAttachEndToEndTests.startDaemon(binary, root: root, home: home)
            try DaemonAttachEndToEndTests.waitForDaemon(binary, home: home)
        }

        func ps(_ binary: String) throws -> String {
            try ChildProcess.run([binary, "ps", "--json"], environment: HistoryEndToEndTests.environment(home: home), stderr: .discarded, timeout: 10).output
        }

        func stop() {
            if let daemon { kill(daemon, SIGTERM) }
        }
    }

    static func console(_ binary: String, base: String, sshd: LoopbackSSHD, remote: RemoteHost) throws -> TmuxSession {
        let localRoot = base + "/local-root", localHome = base + "/local-home"
        try FileManager.default.createDirectory(atPath: localRoot, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: localHome, withIntermediateDirectories: true)
        var env = HistoryEndToEndTests.environment(home: localHome)
        env["VANTAGE_SSH_CONFIG"] = sshd.clientConfig
        return try TmuxSession(width: 220, height: 50,
                               command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(localRoot)) --connect \(sshd.url) "
                                   + "--remote-vantage \(TmuxSession.shellQuote(remote.program)); echo EXIT=$?",
                               environment: env)
    }

    @Test(.enabled(if: LoopbackSSHD.available && DaemonAttachEndToEndTests.has("python3"),
                   "needs Debian's openssh-server and openssh-client (scripts/test installs them) and python3"))
    func aConsoleAttachedOverSSHShowsTheRemoteProjectsAndStartsOne() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let base = NSTemporaryDirectory() + "vr-\(UUID().uuidString.prefix(6))"
        let port = Int.random(in: 20000...50000)
        var remote = try RemoteHost(binary: binary, base: base, projects: [
            "far-web": "command = \"python3 -m http.server $PORT --bind 127.0.0.1\"\nports = [\(port)]\n[readiness]\npath = \"/\"\n",
        ])
        let sshd = try LoopbackSSHD()
        defer {
            remote.stop()
            sshd.stop()
            usleep(1_000_000)
            try? FileManager.default.removeItem(atPath: base)
        }
        try remote.start(binary)

        let tmux = try Self.console(binary, base: base, sshd: sshd, remote: remote)
        let shown = try tmux.waitFor(timeout: 20) { $0.contains("far-web") && $0.contains("daemon: 127.0.0.1") && $0.contains("connected") }
        #expect(shown.ok, "the remote host's project is listed beneath its heading; screen:\n\(shown.screen)\nsshd log:\n\(sshd.log)")
        try tmux.send("s")
        let ready = try tmux.waitFor(timeout: 30) { $0.contains("ready") }
        #expect(ready.ok, "s starts the remote project through its daemon; screen:\n\(ready.screen)")
        let ps = try remote.ps(binary)
        #expect(QuitAndLaunchEndToEndTests.pid(of: "far-web", in: ps) != nil, "the remote daemon runs it: \(ps)")

        // The remote daemon stops: the host's heading says so and why, the console keeps running.
        remote.stop()
        remote.daemon = nil
        let gone = try tmux.waitFor(timeout: 10) { $0.contains("disconnected since") && $0.contains("retrying") }
        #expect(gone.ok, "the dropped host is shown; screen:\n\(gone.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("EXIT=0") }.ok, "the console quits normally")
    }

    @Test(.enabled(if: LoopbackSSHD.available, "needs Debian's openssh-server and openssh-client (scripts/test installs them)"))
    func aHostWithoutADaemonIsShownDisconnectedWithTheRemoteReason() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let base = NSTemporaryDirectory() + "vr-\(UUID().uuidString.prefix(6))"
        let remote = try RemoteHost(binary: binary, base: base, projects: [:])
        let sshd = try LoopbackSSHD()
        defer {
            sshd.stop()
            try? FileManager.default.removeItem(atPath: base)
        }
        let tmux = try Self.console(binary, base: base, sshd: sshd, remote: remote)
        let shown = try tmux.waitFor(timeout: 20) { $0.contains("daemon: 127.0.0.1") && $0.contains("no Vantage daemon is running") }
        #expect(shown.ok, "the heading says the remote host has no daemon; screen:\n\(shown.screen)")
        #expect(shown.screen.contains("retrying"), "\(shown.screen)")
        // `vantage attach --stdio` itself says so on standard error and fails.
        let direct = try ChildProcess.run([remote.program, "attach", "--stdio"], stderr: .merged, timeout: 10)
        #expect(direct.status == 1, "\(direct.output)")
        #expect(direct.output.contains("no Vantage daemon is running for \(remote.home)"), "\(direct.output)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("EXIT=0") }.ok)
    }
}
