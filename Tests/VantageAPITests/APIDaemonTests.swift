import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import Testing
import VantageAPI
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// The daemon binary's HTTP face: `--listen`, `[api] listen`, the refusal of a network address
/// without TLS, HTTPS with a certificate made by openssl here, and `vantage api token`.
@Suite(.serialized, .timeLimit(.minutes(3))) struct APIDaemonTests {
    static var binary: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("vantage").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("vantage").path
    }

    /// A temporary home and a workspace with one project.
    struct Workspace {
        let root = NSTemporaryDirectory() + "vantage-apid-\(UUID().uuidString.prefix(8))"
        var home: String { root + "/home" }
        var projects: String { root + "/projects" }

        init() throws {
            try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/projects/web", withIntermediateDirectories: true)
            try "command = \"sleep 300\"\n".write(toFile: root + "/projects/web/.vantage.toml", atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Runs the binary; `wait` false returns at once (the daemon), with its output file.
    static func run(_ args: [String], home: String, wait: Bool = true) throws -> (process: Process, output: String) {
        let out = home + "/../out-\(UUID().uuidString.prefix(6)).txt"
        FileManager.default.createFile(atPath: out, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        process.environment = ["VANTAGE_HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if wait { process.waitUntilExit() }
        return (process, out)
    }

    static func text(_ file: String) -> String { (try? String(contentsOfFile: file, encoding: .utf8)) ?? "" }

    /// A port nothing listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// GET with `client` until the daemon answers /healthz (or 60 s).
    static func waitForHealth(_ client: HTTPClient, _ url: String) async throws {
        for _ in 0..<600 {
            if let r = try? await client.execute(HTTPClientRequest(url: url + "/healthz"), timeout: .seconds(2)), r.status == .ok { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw VantageError(.unavailable, "the daemon's API did not come up at \(url)")
    }

    static func get(_ client: HTTPClient, _ url: String, token: String?) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return Int(try await client.execute(request, timeout: .seconds(30)).status.code)
    }

    static func stop(_ process: Process) {
        process.terminate()
        process.waitUntilExit()
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary), "build the binary first: swift build --product vantage"))
    func aNetworkAddressWithoutTLSIsRefusedBeforeAnythingStarts() throws {
        let w = try Workspace()
        defer { w.remove() }
        let (process, out) = try Self.run(["daemon", "--root", w.projects, "--listen", "0.0.0.0:7700"], home: w.home)
        #expect(process.terminationStatus != 0)
        let said = Self.text(out)
        #expect(said.contains("0.0.0.0:7700 is not a loopback address"), "\(said)")
        #expect(said.contains("--tls-cert"), "\(said)")
        #expect(!FileManager.default.fileExists(atPath: w.home + "/vantage.sock"), "no daemon was left serving")

        for (bad, why) in [("127.0.0.1:0", "from 1 to 65535"), ("127.0.0.1:99999", "from 1 to 65535"), ("localhost", "host:port")] {
            let (p, o) = try Self.run(["daemon", "--root", w.projects, "--listen", bad], home: w.home)
            #expect(p.terminationStatus != 0)
            #expect(Self.text(o).contains(why), "\(bad): \(Self.text(o))")
        }
        // The same check for vantage.toml, with its file, line and field.
        try "[api]\nlisten = \"127.0.0.1:70000\"\n".write(toFile: w.projects + "/vantage.toml", atomically: true, encoding: .utf8)
        let (p, o) = try Self.run(["daemon", "--root", w.projects], home: w.home)
        #expect(p.terminationStatus != 0)
        #expect(Self.text(o).contains("vantage.toml:2"), "\(Self.text(o))")
        #expect(Self.text(o).contains("api.listen"), "\(Self.text(o))")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary), "build the binary first: swift build --product vantage"))
    func tokenFileRotationAndTheConfiguredListenAddress() async throws {
        let w = try Workspace()
        defer { w.remove() }
        let port = try Self.freePort()
        try "[api]\nlisten = \"127.0.0.1:\(port)\"\n".write(toFile: w.projects + "/vantage.toml", atomically: true, encoding: .utf8)
        let (daemon, out) = try Self.run(["daemon", "--root", w.projects], home: w.home, wait: false)
        defer { Self.stop(daemon) }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let url = "http://127.0.0.1:\(port)"
        try await Self.waitForHealth(client, url)
        #expect(Self.text(out).contains("HTTP API on http://127.0.0.1:\(port)"), "\(Self.text(out))")

        // Made at first start, readable by its owner only.
        var st = stat()
        #expect(stat(w.home + "/api-token", &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
        let (_, printed) = try Self.run(["api", "token"], home: w.home)
        let token = Self.text(printed).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count == 64 && token.allSatisfy(\.isHexDigit), "\(token)")
        #expect(!Self.text(out).contains(token), "the daemon never logs the token")

        #expect(try await Self.get(client, url + "/api/v1/projects", token: token) == 200)
        #expect(try await Self.get(client, url + "/api/v1/projects", token: nil) == 401)

        let (_, rotatedOut) = try Self.run(["api", "token", "--rotate"], home: w.home)
        let rotated = Self.text(rotatedOut).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(rotated.count == 64 && rotated != token)
        #expect(stat(w.home + "/api-token", &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
        // At once: the old token no longer works, the new one does.
        #expect(try await Self.get(client, url + "/api/v1/projects", token: token) == 401)
        #expect(try await Self.get(client, url + "/api/v1/projects/web", token: rotated) == 200)
        try await client.shutdown()
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary) && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"),
                   "needs the binary (swift build --product vantage) and openssl (scripts/test installs it)"))
    func withACertificateTheAPIIsServedOverHTTPS() async throws {
        let w = try Workspace()
        defer { w.remove() }
        let cert = w.root + "/cert.pem", key = w.root + "/key.pem"
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                             "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0)

        // A key that is not a key: refused with the file named.
        try "not a key\n".write(toFile: w.root + "/bad.pem", atomically: true, encoding: .utf8)
        let (refused, said) = try Self.run(["daemon", "--root", w.projects, "--listen", "0.0.0.0:7700", "--tls-cert", cert, "--tls-key", w.root + "/bad.pem"], home: w.home)
        #expect(refused.terminationStatus != 0)
        #expect(Self.text(said).contains("bad.pem"), "\(Self.text(said))")

        let port = try Self.freePort()
        let (daemon, out) = try Self.run(["daemon", "--root", w.projects, "--listen", "127.0.0.1:\(port)", "--tls-cert", cert, "--tls-key", key],
                                         home: w.home, wait: false)
        defer { Self.stop(daemon) }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .file(cert)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(tlsConfiguration: tls))
        let url = "https://127.0.0.1:\(port)"
        try await Self.waitForHealth(client, url)
        #expect(Self.text(out).contains("HTTP API on https://127.0.0.1:\(port)"), "\(Self.text(out))")
        let token = try APIToken.current(VantagePaths(home: w.home, config: w.root + "/config"))
        #expect(try await Self.get(client, url + "/api/v1/projects", token: token) == 200)
        #expect(try await Self.get(client, url + "/api/v1/projects", token: nil) == 401)
        try await client.shutdown()

        // Plain HTTP to the HTTPS port gets no API answer.
        let plain = HTTPClient(eventLoopGroupProvider: .singleton)
        let answered = try? await plain.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz"), timeout: .seconds(5))
        #expect(answered?.status != .ok)
        try await plain.shutdown()
    }
}
