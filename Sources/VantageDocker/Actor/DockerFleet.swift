import Foundation
import NIOCore
import VantageCore

/// One-shot views of every engine for the command line (`ps`, `logs`, `launch`, `stop`, `limit`).
/// Engines are asked in parallel, each with its own deadline, so a frozen engine delays nothing
/// but its own row.
public enum DockerFleet {
    /// A container as `vantage ps` shows it.
    public struct Row: Codable, Sendable, Equatable {
        public var name: String
        public var kind = "container"
        public var engine: String
        public var group: String?
        public var state: RunState
        public var status: String
        public var pid: Int32?
        public var ports: [Int]
        /// Percent of one core, over a short window.
        public var cpu: Double
        public var rss: UInt64
        public var health: Int
        public var healthStatus: String?
        public var restarts: Int
        public var env: String = "-"
        public var image: String
    }

    public struct Snapshot: Sendable {
        public var rows: [Row] = []
        /// Engines that did not answer in time, with the reason.
        public var unreachable: [String: String] = [:]
    }

    public static func snapshot(_ endpoints: [DockerEndpoint], timeout: TimeAmount = .milliseconds(1500),
                                cpuWindow: Duration = .milliseconds(250)) async -> Snapshot {
        await withTaskGroup(of: (String, Result<[Row], VantageError>).self) { group in
            for endpoint in endpoints {
                group.addTask {
                    do {
                        return (endpoint.name, .success(try await rows(endpoint, timeout: timeout, cpuWindow: cpuWindow)))
                    } catch let error as VantageError {
                        return (endpoint.name, .failure(error))
                    } catch {
                        return (endpoint.name, .failure(VantageError(.unavailable, "\(error)")))
                    }
                }
            }
            var snapshot = Snapshot()
            for await (name, result) in group {
                switch result {
                case .success(let rows): snapshot.rows += rows
                case .failure(let error): snapshot.unreachable[name] = error.message
                }
            }
            snapshot.rows.sort { ($0.engine, $0.group ?? "", $0.name) < ($1.engine, $1.group ?? "", $1.name) }
            return snapshot
        }
    }

    static func rows(_ endpoint: DockerEndpoint, timeout: TimeAmount, cpuWindow: Duration) async throws(VantageError) -> [Row] {
        let client = try await DockerClient.connect(endpoint, timeout: timeout)
        let list = try await client.listContainers(all: true)
        let details: [String: ContainerDetails] = await withTaskGroup(of: (String, ContainerDetails?).self) { group in
            for c in list { group.addTask { (c.Id, try? await client.inspect(c.Id)) } }
            var out: [String: ContainerDetails] = [:]
            for await (id, d) in group { if let d { out[id] = d } }
            return out
        }
        var cgroups: [String: (ContainerCgroup, ContainerCgroup.Reading)] = [:]
        for c in list where c.State == "running" {
            if let d = details[c.Id], let cg = ContainerCgroup.locate(pid: d.State.Pid), let r = cg.read() { cgroups[c.Id] = (cg, r) }
        }
        if !cgroups.isEmpty { try? await Task.sleep(for: cpuWindow) }
        let seconds = cpuWindow.seconds
        return list.map { c in
            let d = details[c.Id]
            var cpu = 0.0, rss: UInt64 = 0
            if let (cg, first) = cgroups[c.Id], let second = cg.read() {
                cpu = Double(second.cpuNanoseconds &- first.cpuNanoseconds) / 1e9 / seconds * 100
                rss = second.memoryBytes
            }
            let state = ContainerProjects.state(summaryState: c.State, details: d)
            return Row(name: c.name, engine: endpoint.name, group: c.composeProject, state: state, status: c.Status,
                       pid: d.map { Int32($0.State.Pid) }.flatMap { $0 > 0 ? $0 : nil },
                       ports: Array(Set((c.Ports ?? []).compactMap(\.PublicPort))).sorted(), cpu: cpu, rss: rss,
                       health: health(state: state, details: d), healthStatus: d?.State.Health?.Status,
                       restarts: d?.RestartCount ?? 0, image: c.Image)
        }
    }

    /// 0–100 from the HEALTHCHECK status where there is one, else from the state.
    public static func health(state: RunState, details: ContainerDetails?) -> Int {
        if let h = details?.State.Health?.Status {
            switch h {
            case "healthy": return 100
            case "starting": return 70
            default: return 20
            }
        }
        switch state {
        case .running, .ready: return details?.State.OOMKilled == true ? 60 : 90
        case .stopped: return details?.State.ExitCode == 0 || details == nil ? 100 : 40
        case .failed: return details?.State.OOMKilled == true ? 10 : 30
        default: return 60
        }
    }

    /// The engine and container named `name` (the container name, or `engine/name`), if any.
    public static func find(_ name: String, in endpoints: [DockerEndpoint],
                            timeout: TimeAmount = .milliseconds(1500)) async -> (DockerClient, ContainerSummary)? {
        let (engineName, container): (String?, String) = {
            let parts = name.split(separator: "/", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : (nil, name)
        }()
        for endpoint in endpoints where engineName == nil || endpoint.name == engineName {
            guard let client = try? await DockerClient.connect(endpoint, timeout: timeout),
                  let list = try? await client.listContainers(all: true),
                  let match = list.first(where: { $0.name == container }) else { continue }
            return (client, match)
        }
        return nil
    }
}
