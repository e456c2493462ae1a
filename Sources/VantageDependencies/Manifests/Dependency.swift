import Foundation
import VantageCore
/// One dependency of a project, as a manifest or lock file states it.
public struct PackageDependency: Sendable, Hashable, Codable {
    public var ecosystem: Ecosystem
    /// The name as written (Swift packages: the repository URL without scheme, e.g. `github.com/apple/swift-nio`).
    public var name: String
    /// The resolved or pinned version; nil when only a range is declared.
    public var version: String?
    /// The requirement as declared (`^1.2`, `>=2,<3`, `from: "1.0.0"`), if any.
    public var requirement: String?
    public var isDirect: Bool
    /// Declared only for development (devDependencies, dev-dependencies, dev groups).
    public var isDev: Bool
    /// The manifest or lock file this came from.
    public var source: String
    /// 1-based line in `source`, when known.
    public var line: Int?
    /// A PEP 508 environment marker (`python_version < "3.8"`), kept as written.
    public var marker: String?
    /// Why there is no version, or why it cannot be checked (`git dependency`, `local path`).
    public var note: String?

    public init(ecosystem: Ecosystem, name: String, version: String? = nil, requirement: String? = nil,
                isDirect: Bool, isDev: Bool = false, source: String, line: Int? = nil,
                marker: String? = nil, note: String? = nil) {
        self.ecosystem = ecosystem; self.name = name; self.version = version; self.requirement = requirement
        self.isDirect = isDirect; self.isDev = isDev; self.source = source; self.line = line
        self.marker = marker; self.note = note
    }

    public var normalisedName: String { ecosystem.normalise(name) }
}

/// "`requiredBy` needs `name` `constraint`": an edge of the dependency graph, used to explain conflicts.
public struct Requirement: Sendable, Hashable, Codable {
    public var ecosystem: Ecosystem
    public var name: String
    /// As written in the file (`>=1.0,<2`, `^4.17.0`).
    public var constraint: String
    /// The project (manifest path) or package (`name version`) that states the requirement.
    public var requiredBy: String
    public var source: String
    public var line: Int?
    /// A PEP 508 environment marker the requirement is conditional on, as written.
    public var marker: String?

    public init(ecosystem: Ecosystem, name: String, constraint: String, requiredBy: String, source: String, line: Int? = nil, marker: String? = nil) {
        self.ecosystem = ecosystem; self.name = name; self.constraint = constraint
        self.requiredBy = requiredBy; self.source = source; self.line = line; self.marker = marker
    }
}

/// "`from` depends on `to`" inside a lock file (uv.lock, poetry.lock), possibly only under a PEP 508
/// marker: what decides whether a locked package is installed in a given environment.
public struct LockEdge: Sendable, Hashable, Codable {
    /// PEP 503 name of the depending package, or `LockEdge.project` for the project itself.
    public var from: String
    /// PEP 503 name of the dependency.
    public var to: String
    public var marker: String?
    public var line: Int?
    public static let project = "<project>"

    public init(from: String, to: String, marker: String?, line: Int?) {
        self.from = from; self.to = to; self.marker = marker; self.line = line
    }
}

/// A dependency left out because its environment marker is false where the project runs. It is
/// not checked for vulnerabilities and takes no part in conflicts, and it is listed with why.
public struct SkippedDependency: Sendable, Hashable, Codable {
    public var dependency: PackageDependency
    /// The marker that is false (for a locked package reached only through marked edges, those markers joined by `or`).
    public var marker: String
    /// For a person: which environment, and the values the marker read.
    public var reason: String

    public init(dependency: PackageDependency, marker: String, reason: String) {
        self.dependency = dependency; self.marker = marker; self.reason = reason
    }
}

/// The formats `deps list` understands.
public enum ManifestFormat: String, Sendable, Codable, CaseIterable {
    case packageJSON = "package.json", packageLock = "package-lock.json", yarnLock = "yarn.lock",
         pnpmLock = "pnpm-lock.yaml", requirementsTxt = "requirements.txt", poetryLock = "poetry.lock",
         pipfile = "Pipfile", pipfileLock = "Pipfile.lock", uvLock = "uv.lock", pyproject = "pyproject.toml",
         cargoToml = "Cargo.toml", cargoLock = "Cargo.lock", goMod = "go.mod", goSum = "go.sum",
         packageSwift = "Package.swift", packageResolved = "Package.resolved", gemfileLock = "Gemfile.lock",
         composerJSON = "composer.json", composerLock = "composer.lock", pomXML = "pom.xml",
         gradleBuild = "build.gradle"

    public var ecosystem: Ecosystem {
        switch self {
        case .packageJSON, .packageLock, .yarnLock, .pnpmLock: return .npm
        case .requirementsTxt, .poetryLock, .pipfile, .pipfileLock, .uvLock, .pyproject: return .pypi
        case .cargoToml, .cargoLock: return .crates
        case .goMod, .goSum: return .go
        case .packageSwift, .packageResolved: return .swift
        case .gemfileLock: return .rubygems
        case .composerJSON, .composerLock: return .packagist
        case .pomXML, .gradleBuild: return .maven
        }
    }

    /// Lock files record resolved versions of the whole graph (go.mod does too, under MVS).
    public var isLock: Bool {
        switch self {
        case .packageLock, .yarnLock, .pnpmLock, .poetryLock, .pipfileLock, .uvLock, .cargoLock, .goMod,
             .goSum, .packageResolved, .gemfileLock, .composerLock: return true
        default: return false
        }
    }

    /// Which format a file name is, if any.
    public static func detect(fileName: String) -> ManifestFormat? {
        if let f = ManifestFormat(rawValue: fileName) { return f }
        if fileName == "npm-shrinkwrap.json" { return .packageLock }   // same format as package-lock.json
        if fileName == "build.gradle.kts" { return .gradleBuild }      // the Kotlin script of the same build
        let lower = fileName.lowercased()
        if lower.hasPrefix("requirements") && lower.hasSuffix(".txt") { return .requirementsTxt }
        return nil
    }
}

/// What one file yielded.
public struct ParsedManifest: Sendable {
    public var path: String
    public var format: ManifestFormat
    public var dependencies: [PackageDependency]
    public var requirements: [Requirement]
    /// Files read besides `path` (requirements `-r` includes).
    public var included: [String]
    /// Package-to-package edges of a lock file, with their markers (uv.lock, poetry.lock).
    public var edges: [LockEdge]

    public init(path: String, format: ManifestFormat, dependencies: [PackageDependency], requirements: [Requirement] = [], included: [String] = [],
                edges: [LockEdge] = []) {
        self.path = path; self.format = format; self.dependencies = dependencies
        self.requirements = requirements; self.included = included; self.edges = edges
    }
}
