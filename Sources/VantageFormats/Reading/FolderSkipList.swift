/// The one list of folders the walks over a project never enter: installed dependencies, build
/// output, version-control data, virtualenvs and caches, which are never a project's own files.
/// The project scanner, the quality and practice analyzers and the dependency scanner all start
/// from `standard`; what one of them skips beyond it is a named extension below.
public struct FolderSkipList: Sendable {
    /// Folder names skipped exactly.
    public var names: Set<String>
    /// Folder names skipped by their start (`.build`, `.build-fuzz`, …).
    public var prefixes: [String]
    /// Folder names skipped by their end (`App.xcodeproj`).
    public var suffixes: [String]
    /// Every hidden folder (a name starting with `.`) is skipped too.
    public var skipsHidden: Bool

    public init(names: Set<String>, prefixes: [String] = [], suffixes: [String] = [], skipsHidden: Bool = false) {
        self.names = names
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.skipsHidden = skipsHidden
    }

    /// Whether a folder with this name is skipped.
    public func skips(_ name: String) -> Bool {
        names.contains(name) || prefixes.contains { name.hasPrefix($0) } || suffixes.contains { name.hasSuffix($0) }
            || (skipsHidden && name.hasPrefix(".") && name != ".")
    }

    /// Dependencies, build output, VCS data, virtualenvs and caches of every ecosystem Vantage reads.
    public static let standard = FolderSkipList(names: [
        // version control
        ".git", ".hg", ".svn",
        // installed dependencies
        "node_modules", "bower_components", "vendor", "Pods", "site-packages", "dist-packages", ".yarn", ".pnpm-store",
        // virtualenvs
        ".venv", "venv", "env", ".tox", ".nox",
        // build output
        "build", "dist", "target", "DerivedData", ".swiftpm", ".gradle", ".next", ".nuxt", ".terraform",
        // caches and reports
        "__pycache__", ".mypy_cache", ".pytest_cache", ".cache", "coverage", ".idea",
    ], prefixes: [".build"])

    /// `standard` and every hidden folder: the project scanner and the quality analyzer (a project
    /// or its source never lives in a hidden folder). The practice checker keeps hidden folders,
    /// since `.github/workflows` is what it looks for.
    public static let standardAndHidden = standard.addingHidden()

    /// `standard` and Xcode project bundles: the dependency scanner (a bundle holds a
    /// `Package.resolved` of its own that is not the package's).
    public static let dependencies = standard.adding(suffixes: [".xcodeproj"])

    /// Hidden folders only: the quality analyzer when asked to enter everything else (`--all-dirs`),
    /// as lizard does.
    public static let hiddenOnly = FolderSkipList(names: [], skipsHidden: true)

    public func addingHidden() -> FolderSkipList {
        var list = self
        list.skipsHidden = true
        return list
    }

    public func adding(suffixes more: [String]) -> FolderSkipList {
        var list = self
        list.suffixes += more
        return list
    }
}
