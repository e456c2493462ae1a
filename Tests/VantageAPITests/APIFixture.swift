import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import VantageAPI
import VantageCore
import VantageOrchestrator

/// The real HTTP API in this process on an ephemeral port, in front of a real supervisor and the
/// control socket's own handler (`ControlServer`), with projects in a temporary folder.
final class APIFixture: @unchecked Sendable {
    let root: String
    let paths: VantagePaths
    let bus = Bus()
    let supervisor: Supervisor
    let control: ControlServer
    let server: APIServer
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    var token: String { (try? APIToken.current(paths)) ?? "" }
    var base: String { "http://127.0.0.1:\(server.port)" }

    /// `projects`: name → shell command. `adjust` changes the configuration (limits, timeouts).
    init(projects: [String: String], adjust: (inout APIConfiguration) -> Void = { _ in }) async throws {
        root = NSTemporaryDirectory() + "vantage-api-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
        paths = VantagePaths(home: root + "/home", config: root + "/config")
        var options = SupervisorOptions()
        options.stopTimeout = 3
        options.pressure.enabled = false
        supervisor = Supervisor(paths: paths, bus: bus, clock: bus.clock, options: options)
        var list: [Project] = []
        for (name, command) in projects.sorted(by: { $0.key < $1.key }) {
            let dir = root + "/projects/" + name
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try "print('hello')\n# TODO: more\n".write(toFile: dir + "/main.py", atomically: true, encoding: .utf8)
            try "requests==2.31.0\n".write(toFile: dir + "/requirements.txt", atomically: true, encoding: .utf8)
            try "MODE=dev\n".write(toFile: dir + "/.env", atomically: true, encoding: .utf8)
            try "MODE=staging\n".write(toFile: dir + "/.env.staging", atomically: true, encoding: .utf8)
            list.append(Project(name: name, path: dir, kinds: [.command], command: command))
        }
        await supervisor.register(list)
        await supervisor.start()
        control = ControlServer(supervisor: supervisor, bus: bus, socketPath: paths.socket)
        var configuration = try APIConfiguration(address: ListenAddressForTests.loopback, source: "test", certificate: nil, key: nil)
        adjust(&configuration)
        server = try await APIServer.start(configuration, control: control, bus: bus, paths: paths)
    }

    struct Answer {
        var status: Int
        var contentType: String
        var headers: [String: String]
        var body: Data
        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// One request; `token` nil sends none.
    func request(_ method: HTTPMethod, _ path: String, token: String?, body: Data? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for h in response.headers { headers[h.name.lowercased()] = h.value }
        return Answer(status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type") ?? "",
                      headers: headers, body: Data(buffer: bytes))
    }

    func close() async {
        try? await client.shutdown()
        await server.stop()
        await supervisor.shutdown()
        try? FileManager.default.removeItem(atPath: root)
    }
}

import VantageFormats

enum ListenAddressForTests {
    /// Port 0: the system chooses a free one (`APIServer.port` tells which).
    static let loopback = ListenAddress(host: "127.0.0.1", port: 0)
}
