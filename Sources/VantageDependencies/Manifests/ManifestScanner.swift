import Foundation
import VantageCore
import VantageFormats

/// Finds every manifest and lock file under a folder and parses each one. A malformed file
/// becomes an error naming file, line and field; the other files are still read.
public struct ManifestScanner: Sendable {
    /// Folders never descended into: the one skip list, and Xcode project bundles.
    public static let skippedFolders = FolderSkipList.dependencies

    public init() {}

    public struct Result: Sendable {
        public var manifests: [ParsedManifest]
        public var errors: [VantageError]
    }

    public func scan(_ root: String) -> Result {
        var manifests: [ParsedManifest] = []
        var errors: [VantageError] = []
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else {
            return Result(manifests: [], errors: [VantageError(.notFound, "no such file or folder", at: SourceLocation(file: root))])
        }
        let files = isDir.boolValue ? Self.findFiles(root) : [root]
        var included = Set<String>()
        var parsed: [ParsedManifest] = []
        for file in files {
            guard let format = ManifestFormat.detect(fileName: (file as NSString).lastPathComponent) else { continue }
            do throws(VantageError) {
                let m = try Self.parse(file, format: format)
                included.formUnion(m.included)
                parsed.append(m)
            } catch { errors.append(error) }
        }
        // A requirements file included by another one is reported through its includer only.
        for m in parsed where !(m.format == .requirementsTxt && included.contains(m.path)) { manifests.append(m) }
        return Result(manifests: manifests, errors: errors)
    }

    public static func parse(_ path: String, format: ManifestFormat) throws(VantageError) -> ParsedManifest {
        switch format {
        case .packageJSON: return try PackageJSONParser.parse(path: path)
        case .packageLock: return try PackageLockParser.parse(path: path)
        case .yarnLock: return try YarnLockParser.parse(path: path)
        case .pnpmLock: return try PnpmLockParser.parse(path: path)
        case .requirementsTxt: return try RequirementsTxtParser.parse(path: path)
        case .poetryLock: return try PoetryLockParser.parse(path: path)
        case .pipfile: return try PipfileParser.parse(path: path)
        case .pipfileLock: return try PipfileLockParser.parse(path: path)
        case .uvLock: return try UvLockParser.parse(path: path)
        case .pyproject: return try PyprojectParser.parse(path: path)
        case .cargoToml: return try CargoTomlParser.parse(path: path)
        case .cargoLock: return try CargoLockParser.parse(path: path)
        case .goMod: return try GoModParser.parse(path: path)
        case .goSum: return try GoSumParser.parse(path: path)
        case .packageSwift: return try PackageSwiftParser.parse(path: path)
        case .packageResolved: return try PackageResolvedParser.parse(path: path)
        case .gemfileLock: return try GemfileLockParser.parse(path: path)
        case .composerJSON: return try ComposerJSONParser.parse(path: path)
        case .composerLock: return try ComposerLockParser.parse(path: path)
        case .pomXML: return try PomXMLParser.parse(path: path)
        case .gradleBuild: return try GradleBuildParser.parse(path: path)
        }
    }

    /// The walk over a workspace: the skipped folders and Xcode projects left out, links to
    /// folders not followed, pipes and devices never listed (`FileWalker`).
    static let walker = FileWalker { name, _ in skippedFolders.skips(name) }

    /// Every folder under `root` that the scanner would visit.
    static func allFolders(_ root: String) -> [String] {
        var out: [String] = []
        walker.walk(root) { folder in
            out.append(folder.path)
            return .descend
        }
        return out
    }

    static func findFiles(_ root: String) -> [String] {
        var out: [String] = []
        walker.walk(root) { folder in
            out += folder.files.filter { ManifestFormat.detect(fileName: $0) != nil }.map(folder.absolute)
            return .descend
        }
        return out.sorted()
    }
}

/// The dependencies of a workspace after merging each folder's manifest with its lock file:
/// lock entries carry versions, the manifest says which are direct and what was required.
public struct DependencyInventory: Sendable {
    public var dependencies: [PackageDependency]
    public var requirements: [Requirement]
    public var manifests: [ParsedManifest]
    public var errors: [VantageError]
    /// Python dependencies left out because their environment marker is false where the project runs.
    public var skipped: [SkippedDependency] = []

    /// Scans `root`; range-only Python and npm dependencies take the version installed beside
    /// their manifest (virtualenv, node_modules) when there is one. Environment markers are
    /// evaluated against `markerEnvironment`, or by default against each folder's virtualenv
    /// interpreter, else this machine (`MarkerEnvironment.forProject(in:)`).
    public init(scanning root: String, useInstalledVersions: Bool = true, markerEnvironment: MarkerEnvironment? = nil) {
        let result = ManifestScanner().scan(root)
        self.init(manifests: result.manifests, errors: result.errors, markerEnvironment: markerEnvironment)
        if useInstalledVersions { dependencies = InstalledPackages.resolve(dependencies) }
    }

    public init(manifests: [ParsedManifest], errors: [VantageError] = [], markerEnvironment: MarkerEnvironment? = nil) {
        self.manifests = manifests
        self.errors = errors
        self.requirements = manifests.flatMap(\.requirements)
        var out: [PackageDependency] = []
        // Group by (folder, ecosystem).
        let groups = Dictionary(grouping: manifests) { m in "\((m.path as NSString).deletingLastPathComponent)\u{0}\(m.format.ecosystem.rawValue)" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            var locks = group.filter { $0.format.isLock }
            let declared = group.filter { !$0.format.isLock }
            // go.sum only adds modules go.mod does not name.
            if let mod = locks.first(where: { $0.format == .goMod }), let sumIndex = locks.firstIndex(where: { $0.format == .goSum }) {
                let named = Set(mod.dependencies.map(\.normalisedName) + mod.dependencies.compactMap { $0.requirement != nil ? Ecosystem.go.normalise($0.name) : nil })
                locks[sumIndex].dependencies.removeAll { named.contains($0.normalisedName) }
            }
            // Two locks of one ecosystem in one folder (yarn.lock and package-lock.json) are both kept.
            var locked = locks.flatMap(\.dependencies)
            if locked.isEmpty {
                out += declared.flatMap(\.dependencies)
                continue
            }
            var index: [String: [Int]] = [:]
            for (i, d) in locked.enumerated() { index[d.normalisedName, default: []].append(i) }
            for d in declared.flatMap(\.dependencies) {
                if let hits = index[d.normalisedName] {
                    for i in hits {
                        locked[i].isDirect = true
                        if locked[i].requirement == nil { locked[i].requirement = d.requirement }
                        if d.isDev { locked[i].isDev = true }
                        if locked[i].marker == nil { locked[i].marker = d.marker }
                    }
                } else {
                    // Declared but not in the lock: the lock is stale (or the dependency is optional/unused).
                    var missing = d
                    missing.note = (d.note.map { $0 + "; " } ?? "") + "not in the lock file"
                    out.append(missing)
                }
            }
            out += locked
        }
        let filtered = MarkerFilter.apply(dependencies: out, requirements: requirements, manifests: manifests,
                                          environment: { folder in markerEnvironment ?? MarkerEnvironment.forProject(in: folder) })
        self.dependencies = filtered.dependencies
        self.requirements = filtered.requirements
        self.skipped = filtered.skipped
        self.errors += filtered.errors
    }
}
