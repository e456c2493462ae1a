import Foundation

/// `GET /version`.
public struct DockerVersion: Codable, Sendable, Equatable {
    public var Version: String
    public var ApiVersion: String
    public var MinAPIVersion: String?
    public var Os: String?
}

/// One row of `GET /containers/json`.
public struct ContainerSummary: Codable, Sendable, Equatable {
    public struct Port: Codable, Sendable, Equatable {
        public var PrivatePort: Int?
        public var PublicPort: Int?
        public var `Type`: String?
    }
    public var Id: String
    public var Names: [String]
    public var Image: String
    public var State: String
    public var Status: String
    public var Labels: [String: String]?
    public var Ports: [Port]?
    public var Created: Int?

    /// The container name without Docker's leading slash.
    public var name: String { (Names.first ?? Id).trimmingCharacters(in: CharacterSet(charactersIn: "/")) }
    public var composeProject: String? { Labels?["com.docker.compose.project"] }
    /// Running or paused: it has processes, memory and a cgroup.
    public var isAlive: Bool { State == "running" || State == "paused" }
    public var composeService: String? { Labels?["com.docker.compose.service"] }
}

/// The parts of `GET /containers/{id}/json` Vantage uses.
public struct ContainerDetails: Codable, Sendable, Equatable {
    public struct State: Codable, Sendable, Equatable {
        public struct Health: Codable, Sendable, Equatable {
            public var Status: String
            public var FailingStreak: Int?
        }
        public var Status: String
        public var Running: Bool
        public var Paused: Bool
        public var Restarting: Bool
        public var OOMKilled: Bool
        public var Dead: Bool
        public var Pid: Int
        public var ExitCode: Int
        public var Error: String?
        public var StartedAt: String?
        public var FinishedAt: String?
        public var Health: Health?
    }
    public struct HostConfig: Codable, Sendable, Equatable {
        public var Memory: Int64?
        public var NanoCpus: Int64?
        public var CpuQuota: Int64?
        public var CpuPeriod: Int64?
        public var CgroupParent: String?
    }
    public struct Config: Codable, Sendable, Equatable {
        public var Image: String?
        public var Labels: [String: String]?
        public var Tty: Bool?
    }
    public var Id: String
    public var Name: String
    public var RestartCount: Int?
    public var State: State
    public var HostConfig: HostConfig
    public var Config: Config
}

/// One message of `GET /events`.
public struct DockerEvent: Codable, Sendable, Equatable {
    public struct Actor: Codable, Sendable, Equatable {
        public var ID: String
        public var Attributes: [String: String]?
    }
    public var `Type`: String?
    public var Action: String
    public var Actor: Actor
    public var time: Int?
    public var timeNano: Int64?
}

/// One frame of a container's log stream.
public struct ContainerLogFrame: Sendable, Equatable {
    public enum Stream: UInt8, Sendable { case stdin = 0, stdout = 1, stderr = 2 }
    public var stream: Stream
    public var text: String
}

/// `GET /containers/{id}/stats?stream=false`, the parts used as a fallback when cgroup files
/// cannot be read.
public struct ContainerStatsResponse: Codable, Sendable {
    public struct CPU: Codable, Sendable {
        public struct Usage: Codable, Sendable { public var total_usage: UInt64 }
        public var cpu_usage: Usage
        public var system_cpu_usage: UInt64?
        public var online_cpus: Int?
    }
    public struct Memory: Codable, Sendable {
        public var usage: UInt64?
        public var limit: UInt64?
        public var stats: [String: UInt64]?
    }
    public var cpu_stats: CPU
    public var memory_stats: Memory
}

/// The error body the engine returns: `{"message": "..."}`.
struct DockerErrorBody: Codable { var message: String }
