/// The problems the built-in troubleshooting knowledge base recognises.
public enum ProblemKind: String, Codable, Sendable, CaseIterable {
    case addressInUse = "address_in_use"
    case moduleNotFound = "module_not_found"
    case permissionDenied = "permission_denied"
    case connectionRefused = "connection_refused"
    case outOfMemory = "out_of_memory"
    case diskFull = "disk_full"
    case syntaxError = "syntax_error"
    case versionMismatch = "version_mismatch"
    case missingEnvVariable = "missing_env_variable"
    /// The program that starts the project (go, node, cargo, …) is not installed.
    case missingToolchain = "missing_toolchain"
}
