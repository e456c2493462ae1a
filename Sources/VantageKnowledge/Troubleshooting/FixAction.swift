/// A fix Vantage can apply by itself (after the user confirms).
public enum FixAction: Codable, Sendable, Equatable {
    /// Give the project another free port (the busy one, when known) and restart it.
    case reassignPort(busy: Int?)
    /// Install a package the project's own manifest declares, with the ecosystem's tool, into the
    /// project's own environment (`.venv`, `node_modules`).
    case installDependency(name: String, manager: PackageManager)
    case restartWithBackoff
    /// Raise the project's memory limit by the recommended amount.
    case raiseMemoryLimit
    /// Copy the variable's value from another environment of the project.
    case fillEnvFromOtherEnvironment(key: String)

    /// A stable name for learned fixes ("install_dependency").
    public var name: String {
        switch self {
        case .reassignPort: "reassign_port"
        case .installDependency: "install_dependency"
        case .restartWithBackoff: "restart_with_backoff"
        case .raiseMemoryLimit: "raise_memory_limit"
        case .fillEnvFromOtherEnvironment: "fill_env_from_other_environment"
        }
    }

    /// What the fix acts on, when it names something: the variable's key, the package's name.
    public var argument: String? {
        switch self {
        case .installDependency(let name, _): name
        case .fillEnvFromOtherEnvironment(let key): key
        case .reassignPort, .restartWithBackoff, .raiseMemoryLimit: nil
        }
    }

    /// What it does, for a person ("install requests with pip into .venv").
    public var summary: String {
        switch self {
        case .reassignPort(let busy): busy.map { "move off port \($0) to a free port and restart" } ?? "move to a free port and restart"
        case .installDependency(let name, let manager): "install \(name) with \(manager.rawValue) into \(manager.environment)"
        case .restartWithBackoff: "restart with backoff"
        case .raiseMemoryLimit: "raise the memory limit"
        case .fillEnvFromOtherEnvironment(let key): "write \(key) into the project's .env (value typed, or from .env.example)"
        }
    }
}

public enum PackageManager: String, Codable, Sendable {
    case pip, npm

    /// Where it installs for a project.
    public var environment: String {
        switch self {
        case .pip: ".venv"
        case .npm: "node_modules"
        }
    }
}
