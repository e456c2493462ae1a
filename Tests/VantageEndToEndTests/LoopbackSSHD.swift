import Foundation
import Testing
import VantageCore

/// Debian's OpenSSH server on a free loopback port, for the remote-attach tests: a host key and a
/// user key generated with ssh-keygen in a temporary folder, the user key the only authorized
/// one, run as the current user in the foreground (`-D`) and stopped when the test ends. The
/// client side is an ssh config file (`-F`, given to the console as `VANTAGE_SSH_CONFIG`) naming
/// the user key and trusting the fresh host key.
final class LoopbackSSHD {
    static let serverPath = "/usr/sbin/sshd"
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: serverPath) && DaemonAttachEndToEndTests.has("ssh") && DaemonAttachEndToEndTests.has("ssh-keygen")
    }

    let folder: String
    let port: Int
    let user: String
    let clientConfig: String
    private let process: Process

    init() throws {
        folder = NSTemporaryDirectory() + "vssh-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        user = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "root"
        for key in ["host_key", "user_key"] {
            let made = try ChildProcess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", folder + "/" + key], timeout: 30)
            guard made.succeeded else { throw VantageError(.io, "ssh-keygen failed: \(made.output)") }
        }
        try FileManager.default.copyItem(atPath: folder + "/user_key.pub", toPath: folder + "/authorized_keys")
        port = try Self.freePort()
        try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(folder)/host_key
            AuthorizedKeysFile \(folder)/authorized_keys
            PidFile \(folder)/sshd.pid
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            """.write(toFile: folder + "/sshd_config", atomically: true, encoding: .utf8)
        clientConfig = folder + "/ssh_config"
        try """
            Host *
              IdentityFile \(folder)/user_key
              IdentitiesOnly yes
              StrictHostKeyChecking no
              UserKnownHostsFile /dev/null
              LogLevel ERROR
            """.write(toFile: clientConfig, atomically: true, encoding: .utf8)
        // Run as root, sshd separates privileges into /run/sshd, which only its service unit creates.
        if getuid() == 0 && !FileManager.default.fileExists(atPath: "/run/sshd") {
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.serverPath)
        process.arguments = ["-D", "-f", folder + "/sshd_config", "-E", folder + "/sshd.log"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready once a real session runs a command.
        for _ in 0..<100 {
            let probe = try ChildProcess.run(["ssh", "-F", clientConfig, "-o", "BatchMode=yes", "-p", String(port), "\(user)@127.0.0.1", "true"],
                                             timeout: 10)
            if probe.succeeded { return }
            usleep(100_000)
        }
        stop()
        throw VantageError(.unavailable, "the loopback sshd did not accept a session; its log: \(log)")
    }

    var log: String { (try? String(contentsOfFile: folder + "/sshd.log", encoding: .utf8)) ?? "" }

    var url: String { "ssh://\(user)@127.0.0.1:\(port)" }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A port nothing listens on now (the kernel's pick for port 0).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw VantageError(.io, "no socket") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw VantageError(.io, "cannot bind a loopback port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
