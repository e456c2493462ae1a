import Foundation
import VantageCore

/// How far an update moves a version.
public enum UpdateType: String, Sendable, Codable, Comparable, CaseIterable {
    case patch, minor, major
    public static func < (a: UpdateType, b: UpdateType) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    /// From the release numbers of two versions (`1.2.3` → `1.2.4` patch, `1.3.0` minor, `2.0.0` major).
    public static func between(_ from: String, _ to: String, ecosystem: Ecosystem) -> UpdateType {
        func parts(_ v: String) -> [Int] {
            if ecosystem == .pypi, let p = PEP440Version(v) { return p.release }
            if let s = SemanticVersion(v, lenient: true) { return [Int(s.major), Int(s.minor), Int(s.patch)] }
            return v.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        }
        let a = parts(from) + [0, 0, 0], b = parts(to) + [0, 0, 0]
        if a[0] != b[0] { return .major }
        if a[1] != b[1] { return .minor }
        return .patch
    }
}

/// A newer version of a dependency, as the ecosystem's own tool reports it.
public struct AvailableUpdate: Sendable, Codable, Equatable {
    public var ecosystem: Ecosystem
    public var name: String
    public var current: String
    /// nil when the tool could not say (offline); never guessed.
    public var latest: String?
    public var type: UpdateType?
    /// `available`, `up to date`, `unknown (offline)` or `unknown (TOOL failed)`.
    public var status: String
    public var manifest: String
    /// The tool's own words when it failed.
    public var detail: String?
}

/// Asks each ecosystem's tool for newer versions: `pip list --outdated` / `pip index versions` in the
/// project's venv, `npm outdated --json`, `cargo update --dry-run`.
public struct UpdateChecker: Sendable {
    public var limit: UpdateType?

    public init(limit: UpdateType? = nil) { self.limit = limit }

    public func check(_ folder: String) -> [AvailableUpdate] {
        // Only pins written in manifests and locks can be moved; installed versions are not pins.
        let inventory = DependencyInventory(scanning: folder, useInstalledVersions: false)
        var out: [AvailableUpdate] = []
        let pinnedPython = inventory.dependencies.filter { $0.ecosystem == .pypi && $0.version != nil && $0.isDirect }
        if !pinnedPython.isEmpty { out += python(pinnedPython, folder: folder) }
        if FileManager.default.fileExists(atPath: folder + "/package.json") { out += npm(folder, inventory: inventory) }
        if FileManager.default.fileExists(atPath: folder + "/Cargo.lock") { out += cargo(folder, inventory: inventory) }
        if FileManager.default.fileExists(atPath: folder + "/Package.resolved") { out += swiftPM(folder, inventory: inventory) }
        return out
    }

    /// "unknown (offline)" when the tool's failure reads as a network problem, else "unknown (TOOL failed)".
    static func failureStatus(_ output: String, tool: String) -> String {
        let lower = output.lowercased()
        let network = ["network", "resolve host", "could not resolve", "connection", "timed out", "timeout", "offline", "name resolution",
                       "failed to fetch", "unable to access", "no matching distribution", "enotfound", "eai_again", "econnrefused", "unreachable"]
        return network.contains(where: lower.contains) ? "unknown (offline)" : "unknown (\(tool) failed)"
    }

    /// The project's virtual environment interpreter (`.venv`, `venv`, `env`), else nil.
    public static func venvPython(_ folder: String) -> String? {
        for v in [".venv", "venv", "env"] {
            let p = "\(folder)/\(v)/bin/python"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    func python(_ deps: [PackageDependency], folder: String) -> [AvailableUpdate] {
        func unknown(_ d: PackageDependency, _ why: String) -> AvailableUpdate {
            AvailableUpdate(ecosystem: .pypi, name: d.name, current: d.version!, latest: nil, type: nil, status: Self.failureStatus(why, tool: "pip"), manifest: d.source, detail: why)
        }
        guard let py = Self.venvPython(folder) ?? ToolRunner.which("python3") else {
            return deps.map { var u = unknown($0, "no Python interpreter found"); u.status = "unknown (no Python interpreter)"; return u }
        }
        var out: [AvailableUpdate] = []
        for d in deps {
            // `pip index versions` lists every release on the index, newest first.
            let r = ToolRunner.run([py, "-m", "pip", "index", "versions", d.name, "--disable-pip-version-check"], in: folder, timeout: 120)
            guard r.status == 0, let line = r.output.split(separator: "\n").first(where: { $0.contains("Available versions:") }) else {
                var u = unknown(d, r.output.split(separator: "\n").last.map(String.init) ?? "pip index versions failed")
                u.status = Self.failureStatus(r.output, tool: "pip")
                out.append(u)
                continue
            }
            let versions = line.split(separator: ":", maxSplits: 1).last!.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            out.append(pick(.pypi, name: d.name, current: d.version!, candidates: versions, manifest: d.source))
        }
        return out
    }

    func npm(_ folder: String, inventory: DependencyInventory) -> [AvailableUpdate] {
        guard let npm = ToolRunner.which("npm") else { return [] }
        let r = ToolRunner.run([npm, "outdated", "--json"], in: folder, timeout: 120)
        let direct = inventory.dependencies.filter { $0.ecosystem == .npm && $0.isDirect && $0.version != nil }
        guard let data = r.output.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              json["error"] == nil else {
            return direct.map { AvailableUpdate(ecosystem: .npm, name: $0.name, current: $0.version!, latest: nil, type: nil, status: Self.failureStatus(r.output, tool: "npm"),
                                                manifest: $0.source, detail: r.output.split(separator: "\n").first.map(String.init)) }
        }
        return direct.map { d in
            guard let e = json[d.name] as? [String: Any], let latest = e["latest"] as? String else {
                return AvailableUpdate(ecosystem: .npm, name: d.name, current: d.version!, latest: d.version, type: nil, status: "up to date", manifest: d.source)
            }
            return pick(.npm, name: d.name, current: d.version!, candidates: [latest, (e["wanted"] as? String) ?? latest], manifest: d.source)
        }
    }

    func cargo(_ folder: String, inventory: DependencyInventory) -> [AvailableUpdate] {
        guard let cargo = ToolRunner.which("cargo") else { return [] }
        let r = ToolRunner.run([cargo, "update", "--dry-run"], in: folder, timeout: 180)
        let crates = inventory.dependencies.filter { $0.ecosystem == .crates && $0.isDirect && $0.version != nil }
        guard r.status == 0 else {
            return crates.map { AvailableUpdate(ecosystem: .crates, name: $0.name, current: $0.version!, latest: nil, type: nil, status: Self.failureStatus(r.output, tool: "cargo"),
                                                manifest: $0.source, detail: r.output.split(separator: "\n").last.map(String.init)) }
        }
        var found: [String: String] = [:]
        for line in r.output.split(separator: "\n") {
            // "    Updating regex v1.10.2 -> v1.10.6"
            let w = line.split(separator: " ")
            if w.count >= 5, w[0] == "Updating", w[3] == "->" { found[String(w[1])] = String(w[4].dropFirst()) }
        }
        return crates.map { d in
            if let latest = found[d.name] { return pick(.crates, name: d.name, current: d.version!, candidates: [latest], manifest: d.source) }
            return AvailableUpdate(ecosystem: .crates, name: d.name, current: d.version!, latest: d.version, type: nil, status: "up to date", manifest: d.source)
        }
    }

    func swiftPM(_ folder: String, inventory: DependencyInventory) -> [AvailableUpdate] {
        let pins = inventory.dependencies.filter { $0.ecosystem == .swift && $0.version != nil && $0.source.hasSuffix("Package.resolved") }
        guard let swift = ToolRunner.which("swift") else { return [] }
        let r = ToolRunner.run([swift, "package", "update", "--dry-run"], in: folder, timeout: 600)
        guard r.status == 0 else {
            return pins.map { AvailableUpdate(ecosystem: .swift, name: $0.name, current: $0.version!, latest: nil, type: nil, status: Self.failureStatus(r.output, tool: "swift"),
                                              manifest: $0.source, detail: r.output.split(separator: "\n").last.map(String.init)) }
        }
        // "N dependencies have changed:" then "~ identity 1.2.0 -> identity 1.3.0".
        var found: [String: String] = [:]
        for line in r.output.split(separator: "\n") where line.hasPrefix("~ ") {
            let w = line.split(separator: " ")
            if w.count >= 6, w[3] == "->" { found[String(w[1]).lowercased()] = String(w[5]) }
        }
        return pins.map { d in
            let identity = String(d.name.split(separator: "/").last ?? Substring(d.name)).lowercased()
            if let latest = found[identity] { return pick(.swift, name: d.name, current: d.version!, candidates: [latest], manifest: d.source) }
            return AvailableUpdate(ecosystem: .swift, name: d.name, current: d.version!, latest: d.version, type: nil, status: "up to date", manifest: d.source)
        }
    }

    /// The highest stable candidate above `current` whose update type is within the limit.
    func pick(_ eco: Ecosystem, name: String, current: String, candidates: [String], manifest: String) -> AvailableUpdate {
        let scheme = VersionScheme.forEcosystem(eco)
        guard let cur = scheme.parse(current) else {
            return AvailableUpdate(ecosystem: eco, name: name, current: current, latest: nil, type: nil, status: "unknown (unparsable current version)", manifest: manifest)
        }
        let newer = scheme.sorted(candidates).filter { c in
            guard let p = scheme.parse(c), !p.isPrerelease, (p.compare(to: cur) ?? 0) > 0 else { return false }
            return limit.map { UpdateType.between(current, c, ecosystem: eco) <= $0 } ?? true
        }
        guard let latest = newer.last else {
            return AvailableUpdate(ecosystem: eco, name: name, current: current, latest: current, type: nil, status: "up to date", manifest: manifest)
        }
        return AvailableUpdate(ecosystem: eco, name: name, current: current, latest: latest, type: UpdateType.between(current, latest, ecosystem: eco),
                               status: "available", manifest: manifest)
    }
}
