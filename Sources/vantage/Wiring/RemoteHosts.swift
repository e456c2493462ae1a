import Foundation
import VantageCore
import VantageFormats
import VantageOrchestrator

/// The other hosts a console attaches to: each `--connect URL`, then each `[[hosts]]` of the
/// roots' `vantage.toml` (read by the one workspace-file reader). Names are unique: a second host
/// with the same name gets `-2`, `-3`.
struct RemoteHosts {
    var name: String
    var url: HostURL
    var remoteVantage: String

    /// Seconds between attempts to reach a remote host that dropped (each attempt is an ssh session).
    static let retryInterval = 2.0

    static func resolve(connect: [String], remoteVantage: String?, roots: [String]) throws(VantageError) -> [RemoteHosts] {
        var hosts: [RemoteHosts] = []
        func unique(_ name: String) -> String {
            var candidate = name, n = 1
            while candidate == "local" || hosts.contains(where: { $0.name == candidate }) {
                n += 1
                candidate = "\(name)-\(n)"
            }
            return candidate
        }
        for text in connect {
            guard case .success(let url) = HostURL.parse(text) else {
                throw VantageError(.usage, "--connect \(TerminalText.escaped(text)) is not an ssh:// or unix:// URL")
            }
            hosts.append(RemoteHosts(name: unique(url.defaultName), url: url, remoteVantage: remoteVantage ?? "vantage"))
        }
        for root in roots {
            guard let workspace = try WorkspaceFileReader.read(root: root) else { continue }
            for host in workspace.hosts where !hosts.contains(where: { $0.url == host.url }) {
                hosts.append(RemoteHosts(name: unique(host.name), url: host.url, remoteVantage: host.vantage ?? remoteVantage ?? "vantage"))
            }
        }
        return hosts
    }

    /// Attaches the console's bus to this host's daemon, its ids qualified with `name`.
    func attachment(bus: Bus) -> HostAttachment {
        let url = url, name = name, program = remoteVantage
        return HostAttachment(name: name, address: url.description, qualifier: name, retryInterval: Self.retryInterval, bus: bus, clock: bus.clock) { () throws(VantageError) in
            try ControlClient.connect(url, name: name, remoteVantage: program)
        }
    }
}
