import Foundation
import VantageCore
import VantageFormats

/// One Docker engine Vantage is configured to talk to. Vantage only ever talks to these, and never
/// exposes them (the Docker socket gives root).
public struct DockerEndpoint: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Source: String, Sendable, Codable { case environment, context, config }

    /// A short name for the grid: the context name, the config name, or "default".
    public var name: String
    /// `unix:///path/docker.sock` or `tcp://host:port`.
    public var host: String
    public var source: Source

    public init(name: String, host: String, source: Source) {
        self.name = name
        self.host = host
        self.source = source
    }

    public var description: String { "\(name) (\(host))" }

    /// The base URL async-http-client understands: `http+unix://<percent-encoded path>` or
    /// `http://host:port`. The host is checked first (`DockerHost`), so no malformed value (a port
    /// above 65535, an empty host, a relative socket path) ever reaches the network library.
    public func baseURL() throws(VantageError) -> String {
        try DockerHost.parse(host).baseURL
    }

    public static let defaultHost = "unix:///var/run/docker.sock"

    /// Every endpoint from `DOCKER_HOST` (or the default socket), Docker contexts under
    /// `~/.docker/contexts/meta`, and `[[docker.engines]]` in the workspace configuration,
    /// without duplicates (the first occurrence of a host wins).
    public static func discover(environment: [String: String] = ProcessInfo.processInfo.environment,
                                dockerConfigDir: String? = nil,
                                configured: [DockerEndpoint] = []) -> (endpoints: [DockerEndpoint], warnings: [VantageError]) {
        var result: [DockerEndpoint] = []
        var warnings: [VantageError] = []
        func add(_ e: DockerEndpoint) {
            if !result.contains(where: { $0.host == e.host }) { result.append(e) }
        }
        if let h = environment["DOCKER_HOST"], !h.isEmpty {
            // Kept even when malformed, so `ps` and the grid say why this engine cannot be reached.
            if case .failure(let error) = Result(catching: { () throws(VantageError) in try DockerHost.parse(h) }) {
                warnings.append(VantageError(.config, "DOCKER_HOST: \(error.message)", hint: error.hint))
            }
            add(DockerEndpoint(name: "default", host: h, source: .environment))
        } else if FileManager.default.fileExists(atPath: "/var/run/docker.sock") {
            add(DockerEndpoint(name: "default", host: defaultHost, source: .environment))
        }
        let configDir = dockerConfigDir ?? environment["DOCKER_CONFIG"] ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.docker")
        let meta = configDir + "/contexts/meta"
        for dir in (try? FileManager.default.contentsOfDirectory(atPath: meta))?.sorted() ?? [] {
            let file = meta + "/" + dir + "/meta.json"
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let name = obj["Name"] as? String,
                  let endpoints = obj["Endpoints"] as? [String: Any],
                  let docker = endpoints["docker"] as? [String: Any],
                  let host = docker["Host"] as? String else {
                warnings.append(VantageError(.config, "not a Docker context description (expected Name and Endpoints.docker.Host)",
                                             at: SourceLocation(file: file)))
                continue
            }
            add(DockerEndpoint(name: name, host: host, source: .context))
        }
        configured.forEach(add)
        return (result, warnings)
    }

    /// The engines a workspace's `vantage.toml` lists (read by `WorkspaceFileReader`), each host
    /// checked before any network call; a bad host names the file, line and field.
    public static func configured(_ engines: [WorkspaceFile.Engine], file: String) throws(VantageError) -> [DockerEndpoint] {
        var out: [DockerEndpoint] = []
        for engine in engines {
            let endpoint = DockerEndpoint(name: engine.name, host: engine.host, source: .config)
            do { _ = try endpoint.baseURL() } catch {
                throw VantageError(.config, error.message, at: SourceLocation(file: file, line: engine.line, field: engine.field), hint: error.hint)
            }
            out.append(endpoint)
        }
        return out
    }
}
