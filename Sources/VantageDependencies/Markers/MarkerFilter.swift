import Foundation
import VantageCore

/// Leaves out of an inventory the Python dependencies whose PEP 508 marker is false where the
/// project runs (see `MarkerEnvironment.forProject(in:)`), and the locked packages reached only
/// through lock-file edges whose markers are false. What is left out is listed in `skipped`;
/// requirements under a false marker leave the conflict analysis too.
///
/// A marker that cannot be read (an unknown variable, a syntax error) is an error naming the file,
/// line and field; the dependency is then kept, so nothing is silently dropped.
enum MarkerFilter {
    typealias EnvironmentFor = (_ folder: String) -> MarkerEnvironment

    struct Outcome {
        var dependencies: [PackageDependency]
        var requirements: [Requirement]
        var skipped: [SkippedDependency]
        var errors: [VantageError]
    }

    static func apply(dependencies: [PackageDependency], requirements: [Requirement], manifests: [ParsedManifest],
                      environment: EnvironmentFor) -> Outcome {
        var envs: [String: MarkerEnvironment] = [:]
        func env(for source: String) -> MarkerEnvironment {
            let folder = (source as NSString).deletingLastPathComponent
            if let e = envs[folder] { return e }
            let e = environment(folder)
            envs[folder] = e
            return e
        }
        var errors: [VantageError] = []
        var reported = Set<String>()
        /// nil when the marker cannot be read (the error is recorded once per place).
        func holds(_ marker: String, source: String, line: Int?, field: String, anyExtra: Bool = false) -> Bool? {
            do throws(PEP508Marker.Failure) {
                return try PEP508Marker(parsing: marker).evaluate(env(for: source), anyExtra: anyExtra)
            } catch {
                if reported.insert("\(source):\(line ?? 0):\(field)").inserted {
                    let shown = marker.count > 80 ? marker.prefix(77) + "…" : Substring(marker)
                    errors.append(VantageError(.config, "the environment marker '\(shown)' cannot be evaluated: \(error)",
                                               at: SourceLocation(file: source, line: line, field: field),
                                               hint: "PEP 508 markers use python_version, sys_platform, platform_system, platform_machine, os_name, implementation_name, platform_python_implementation, extra …"))
                }
                return nil
            }
        }
        func reason(_ marker: String, _ source: String) -> String {
            let e = env(for: source)
            let used = PEP508Marker.variables.filter { marker.contains($0) }.sorted()
            let values = used.map { "\($0)=\"\(e.value(of: $0))\"" }.joined(separator: ", ")
            return "marker is false for \(e.origin)" + (values.isEmpty ? "" : " (\(values))")
        }

        var kept: [PackageDependency] = []
        var skipped: [SkippedDependency] = []
        for d in dependencies {
            guard d.ecosystem == .pypi, let marker = d.marker, !marker.isEmpty else { kept.append(d); continue }
            if holds(marker, source: d.source, line: d.line, field: "\(d.name) marker") == false {
                skipped.append(SkippedDependency(dependency: d, marker: marker, reason: reason(marker, d.source)))
            } else {
                kept.append(d)
            }
        }

        // Lock files with edges: a locked package is installed only if some path from a root holds.
        for m in manifests where !m.edges.isEmpty {
            let inLock = kept.indices.filter { kept[$0].source == m.path }
            guard !inLock.isEmpty else { continue }
            var roots = Set(m.edges.filter { $0.from == LockEdge.project }.map(\.from))
            if roots.isEmpty { roots = Set(inLock.filter { kept[$0].isDirect }.map { kept[$0].normalisedName }) }
            guard !roots.isEmpty else { continue }
            var byFrom: [String: [LockEdge]] = [:]
            for e in m.edges { byFrom[e.from, default: []].append(e) }
            var reached = roots
            var queue = Array(roots)
            while let n = queue.popLast() {
                for e in byFrom[n] ?? [] where !reached.contains(e.to) {
                    let ok = e.marker.map { holds($0, source: m.path, line: e.line, field: "\(e.to) marker", anyExtra: true) ?? true } ?? true
                    if ok { reached.insert(e.to); queue.append(e.to) }
                }
            }
            var incoming: [String: [String]] = [:]
            for e in m.edges { if let mk = e.marker { incoming[e.to, default: []].append(mk) } }
            var drop = Set<Int>()
            for i in inLock where !reached.contains(kept[i].normalisedName) {
                // Only packages some edge names conditionally; one no edge reaches may be a root of a group we do not see.
                guard let markers = incoming[kept[i].normalisedName] else { continue }
                let marker = Array(Set(markers)).sorted().map { markers.count > 1 ? "(\($0))" : $0 }.joined(separator: " or ")
                skipped.append(SkippedDependency(dependency: kept[i], marker: marker,
                                                 reason: "only required under markers that are false; " + reason(marker, m.path)))
                drop.insert(i)
            }
            kept = kept.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        }

        let skippedPackages = Set(skipped.map { "\($0.dependency.name) \($0.dependency.version ?? "")" })
        let requirements = requirements.filter { r in
            if skippedPackages.contains(r.requiredBy) { return false }
            guard r.ecosystem == .pypi, let marker = r.marker, !marker.isEmpty else { return true }
            return holds(marker, source: r.source, line: r.line, field: "\(r.name) marker") != false
        }
        return Outcome(dependencies: kept, requirements: requirements, skipped: skipped, errors: errors)
    }
}
