import VantageCore
import VantageFormats

/// One kind of project, all in one place: the file names that make a folder that kind, what its
/// manifests say (name, command, ports, dependencies, languages), how it is started and when it is
/// ready. `ProjectDetector.entries` lists them; adding a kind is one entry, its recipe, a fixture.
public struct ProjectKindEntry: Sendable {
    public var kind: ProjectKind
    /// Whether these names of regular files directly in a folder make it this kind. Nothing is
    /// opened, so it also works on a commit's file list (the practice checker).
    public var isPresent: @Sendable (Set<String>) -> Bool
    /// Reads the kind's manifests; called only when `isPresent`. Problems go to the warnings.
    var read: @Sendable (FolderContents, inout ScanWarnings) -> KindEvidence
    public var recipe: LaunchRecipe
    /// The readiness probe used when the project's file sets none, given its ports; nil means a
    /// started process counts as ready.
    public var readiness: @Sendable ([Int]) -> ReadinessSpec?

    init(_ kind: ProjectKind, isPresent: @escaping @Sendable (Set<String>) -> Bool,
         read: @escaping @Sendable (FolderContents, inout ScanWarnings) -> KindEvidence,
         recipe: LaunchRecipe = LaunchRecipe(),
         readiness: @escaping @Sendable ([Int]) -> ReadinessSpec? = ProjectKindEntry.connectToFirstPort) {
        self.kind = kind
        self.isPresent = isPresent
        self.read = read
        self.recipe = recipe
        self.readiness = readiness
    }

    /// Ready once the first port accepts a TCP connection; without a port, once started.
    public static let connectToFirstPort: @Sendable ([Int]) -> ReadinessSpec? = { ports in ports.isEmpty ? nil : .tcp(port: nil) }
}
