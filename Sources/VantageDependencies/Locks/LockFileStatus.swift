import Foundation
import VantageCore

/// Whether a project's lock file exists and agrees with its manifest.
public struct LockFileStatus: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable { case ok, missing, stale }
    public var folder: String
    public var manifest: String
    /// The lock file found (or, when missing, the one the ecosystem's tool would write).
    public var lock: String
    public var ecosystem: Ecosystem
    public var state: State
    /// Why it is stale: "package.json is newer than package-lock.json", "express ^5.0.0 but the lock has 4.18.2".
    public var reasons: [String]
    /// The command that regenerates the lock, run in `folder`.
    public var regenerate: [String]
}

public enum LockFileChecker {
    /// A manifest, the lock files that may go with it, and the tool command that writes the first.
    struct Rule: Sendable { var manifest: String; var locks: [String]; var command: [String]; var applies: @Sendable (String) -> Bool = { _ in true } }

    static let rules: [Rule] = [
        Rule(manifest: "package.json", locks: ["package-lock.json", "yarn.lock", "pnpm-lock.yaml", "npm-shrinkwrap.json"],
             command: ["npm", "install", "--package-lock-only", "--ignore-scripts"]),
        Rule(manifest: "Cargo.toml", locks: ["Cargo.lock"], command: ["cargo", "generate-lockfile"],
             applies: { dir in !isCargoWorkspaceMember(dir) }),
        Rule(manifest: "go.mod", locks: ["go.sum"], command: ["go", "mod", "tidy"]),
        Rule(manifest: "Package.swift", locks: ["Package.resolved"], command: ["swift", "package", "resolve"]),
        Rule(manifest: "Pipfile", locks: ["Pipfile.lock"], command: ["pipenv", "lock"]),
        Rule(manifest: "requirements.in", locks: ["requirements.txt"], command: ["pip-compile", "requirements.in"]),
        Rule(manifest: "composer.json", locks: ["composer.lock"], command: ["composer", "update", "--lock"]),
        Rule(manifest: "Gemfile", locks: ["Gemfile.lock"], command: ["bundle", "lock"]),
        Rule(manifest: "pyproject.toml", locks: ["poetry.lock", "uv.lock"], command: ["poetry", "lock"],
             applies: { dir in pyprojectTool(dir) != nil }),
    ]

    /// Checks every project folder under `root`.
    public static func check(_ root: String, inventory: DependencyInventory? = nil) -> [LockFileStatus] {
        let inventory = inventory ?? DependencyInventory(scanning: root)
        var folders = Set(ManifestScanner.findFiles(root).map { ($0 as NSString).deletingLastPathComponent })
        // Gemfile and requirements.in are not parsed, but they need a lock too.
        for f in ManifestScanner.allFolders(root) where ["Gemfile", "requirements.in"].contains(where: { FileManager.default.fileExists(atPath: f + "/" + $0) }) {
            folders.insert(f)
        }
        var out: [LockFileStatus] = []
        let fm = FileManager.default
        for folder in folders.sorted() {
            for rule in rules where fm.fileExists(atPath: folder + "/" + rule.manifest) && rule.applies(folder) {
                let manifest = folder + "/" + rule.manifest
                var command = rule.command
                var lockNames = rule.locks
                if rule.manifest == "pyproject.toml", pyprojectTool(folder) == "uv" { command = ["uv", "lock"]; lockNames = ["uv.lock", "poetry.lock"] }
                guard let lockName = lockNames.first(where: { fm.fileExists(atPath: folder + "/" + $0) }) else {
                    out.append(LockFileStatus(folder: folder, manifest: manifest, lock: folder + "/" + lockNames[0], ecosystem: ecosystem(of: rule.manifest),
                                              state: .missing, reasons: ["no \(lockNames.joined(separator: " or ")) beside \(rule.manifest)"], regenerate: command))
                    continue
                }
                let lock = folder + "/" + lockName
                if lockName == "yarn.lock" { command = ["yarn", "install", "--mode=update-lockfile"] }
                if lockName == "pnpm-lock.yaml" { command = ["pnpm", "install", "--lockfile-only"] }
                if lockName == "uv.lock" { command = ["uv", "lock"] }
                var reasons: [String] = []
                if let m = modified(manifest), let l = modified(lock), m > l {
                    reasons.append("\(rule.manifest) was modified after \(lockName)")
                }
                reasons += unsatisfied(manifest: manifest, lock: lock, inventory: inventory)
                out.append(LockFileStatus(folder: folder, manifest: manifest, lock: lock, ecosystem: ecosystem(of: rule.manifest),
                                          state: reasons.isEmpty ? .ok : .stale, reasons: reasons, regenerate: command))
            }
        }
        return out
    }

    /// Direct requirements of the manifest that the lock lacks or resolves outside the range.
    static func unsatisfied(manifest: String, lock: String, inventory: DependencyInventory) -> [String] {
        let declared = inventory.manifests.first { $0.path == manifest }?.dependencies ?? []
        let locked = inventory.manifests.first { $0.path == lock }?.dependencies ?? []
        guard !locked.isEmpty || !declared.isEmpty else { return [] }
        var byName: [String: [String]] = [:]
        for d in locked { if let v = d.version { byName[d.normalisedName, default: []].append(v) } }
        var reasons: [String] = []
        for d in declared where d.note == nil {
            guard let versions = byName[d.normalisedName] else {
                reasons.append("\(d.name) is declared but not in \((lock as NSString).lastPathComponent)")
                continue
            }
            guard let req = d.requirement, let c = try? VersionConstraint.parse(req, ecosystem: d.ecosystem) else { continue }
            let results = versions.map { c.isSatisfied(by: $0, includePrereleases: true) }
            if !results.contains(where: { $0 != false }) {
                reasons.append("\(d.name) \(req) but the lock has \(versions.joined(separator: ", "))")
            }
        }
        return reasons
    }

    static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    static func ecosystem(of manifest: String) -> Ecosystem {
        switch manifest {
        case "package.json": .npm
        case "Cargo.toml": .crates
        case "go.mod": .go
        case "Package.swift": .swift
        case "composer.json": .packagist
        case "Gemfile": .rubygems
        default: .pypi
        }
    }

    /// `poetry` or `uv` when pyproject.toml is managed by one of them.
    static func pyprojectTool(_ dir: String) -> String? {
        guard let t = try? TOMLParser.parse(contentsOf: dir + "/pyproject.toml") else { return nil }
        if t.value(at: ["tool", "poetry"]) != nil { return "poetry" }
        if t.value(at: ["tool", "uv"]) != nil || FileManager.default.fileExists(atPath: dir + "/uv.lock") { return "uv" }
        return nil
    }

    /// A crate inside a Cargo workspace shares the workspace root's lock.
    static func isCargoWorkspaceMember(_ dir: String) -> Bool {
        var d = (dir as NSString).deletingLastPathComponent
        while d.count > 1 {
            if let t = try? TOMLParser.parse(contentsOf: d + "/Cargo.toml"), t["workspace"] != nil { return true }
            d = (d as NSString).deletingLastPathComponent
        }
        return false
    }
}

/// Runs the ecosystem's own tool to write a lock file.
public enum LockFileRegenerator {
    public struct Outcome: Sendable { public var status: LockFileStatus; public var ok: Bool; public var output: String }

    public static func regenerate(_ status: LockFileStatus) -> Outcome {
        let tool = status.regenerate[0]
        guard let path = ToolRunner.which(tool) else {
            return Outcome(status: status, ok: false, output: "\(tool) is not installed (needed to run `\(status.regenerate.joined(separator: " "))` in \(status.folder))")
        }
        let r = ToolRunner.run([path] + status.regenerate.dropFirst(), in: status.folder, timeout: 600)
        return Outcome(status: status, ok: r.status == 0, output: r.output)
    }
}
