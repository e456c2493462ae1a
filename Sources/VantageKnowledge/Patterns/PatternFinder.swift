import Foundation
import VantageCore

/// Finds readable patterns in the knowledge graph:
/// - "3 projects share urllib3 1.26.5 (api, billing, web)": one dependency node (same package and
///   version) depended on by two or more projects;
/// - "billing and ledger-api share 80 % of their dependencies": Jaccard similarity of two projects'
///   package sets (versions ignored) at or above `similarityThreshold`, with at least two in common;
/// - "The error \"…\" recurs in api and web, which all depend on urllib3": an error node raised by two
///   or more projects, linked (`affected_by`) to each package every one of them depends on.
public enum PatternFinder {
    public static let similarityThreshold = 0.5

    /// Findings in a fixed order: shared versions, similar projects, recurring errors; each by text.
    public static func findings(_ graph: KnowledgeGraph) -> [Finding] {
        let projects = graph.orderedNodes.filter { $0.kind == .project }
        var dependencyNodes: [String: Set<String>] = [:]      // project id → dependency node ids
        var usersOfNode: [String: [String]] = [:]             // dependency node id → project ids
        var raisers: [String: [String]] = [:]                 // error node id → project ids
        for e in graph.orderedEdges {
            guard let from = graph.nodes[e.from], let to = graph.nodes[e.to], from.kind == .project else { continue }
            if e.kind == .dependsOn, to.kind == .dependency {
                dependencyNodes[from.id, default: []].insert(to.id)
                usersOfNode[to.id, default: []].append(from.id)
            } else if e.kind == .raised, to.kind == .error {
                raisers[to.id, default: []].append(from.id)
            }
        }
        func name(_ id: String) -> String { graph.nodes[id]?.label ?? id }
        func names(_ ids: [String]) -> [String] { ids.map(name).sorted() }

        var shared: [Finding] = []
        for (dep, users) in usersOfNode where users.count > 1 {
            let text = "\(users.count) projects share \(readable(dependencyLabel: name(dep))) (\(names(users).joined(separator: ", ")))"
            shared.append(Finding(kind: .sharedVersion, text: text, nodes: [dep] + users.sorted()))
        }

        var packages: [String: Set<String>] = [:]               // project id → package keys
        var packageNode: [String: String] = [:]                 // package key → one dependency node id
        for (project, deps) in dependencyNodes {
            for dep in deps.sorted() {
                let key = packageKey(dep)
                packages[project, default: []].insert(key)
                if packageNode[key] == nil { packageNode[key] = dep }
            }
        }
        var similar: [Finding] = []
        for (i, a) in projects.enumerated() {
            for b in projects[(i + 1)...] {
                guard let pa = packages[a.id], let pb = packages[b.id] else { continue }
                let common = pa.intersection(pb).count
                let jaccard = Double(common) / Double(pa.union(pb).count)
                guard common >= 2, jaccard >= similarityThreshold else { continue }
                let pair = [a.label, b.label].sorted()
                let percent = Int((jaccard * 100).rounded())
                similar.append(Finding(kind: .similarDependencies,
                                       text: "\(pair[0]) and \(pair[1]) share \(percent) % of their dependencies",
                                       nodes: [a.id, b.id]))
            }
        }

        var recurring: [Finding] = []
        for (error, projectIDs) in raisers {
            let distinct = Set(projectIDs)
            guard distinct.count > 1 else { continue }
            let common = distinct.map { packages[$0] ?? [] }.reduce(nil as Set<String>?) { acc, s in acc.map { $0.intersection(s) } ?? s } ?? []
            let who = names(Array(distinct))
            let list = who.count == 2 ? "\(who[0]) and \(who[1])" : who.dropLast().joined(separator: ", ") + " and " + who.last!
            guard !common.isEmpty else {
                recurring.append(Finding(kind: .recurringError,
                                         text: "The error \"\(name(error))\" recurs in \(list)",
                                         nodes: [error] + distinct.sorted()))
                continue
            }
            let keys = common.sorted()
            let packagesText = keys.map { packageName($0) }.joined(separator: ", ")
            let edges = keys.compactMap { packageNode[$0] }.map { GraphEdge(from: error, to: $0, kind: .affectedBy) }
            recurring.append(Finding(kind: .recurringError,
                                     text: "The error \"\(name(error))\" recurs in \(list), which \(distinct.count == 2 ? "both" : "all") depend on \(packagesText)",
                                     nodes: [error] + distinct.sorted(), impliedEdges: edges))
        }
        return shared.sorted { $0.text < $1.text } + similar.sorted { $0.text < $1.text } + recurring.sorted { $0.text < $1.text }
    }

    /// "urllib3@1.26.5" → "urllib3 1.26.5"; "@types/node@20" → "@types/node 20"; "flask" stays.
    static func readable(dependencyLabel label: String) -> String {
        guard let at = label.lastIndex(of: "@"), at != label.startIndex else { return label }
        return label[..<at] + " " + label[label.index(after: at)...]
    }

    /// "dependency:pypi/Flask@>=3" → "pypi/flask": the package, any version.
    static func packageKey(_ dependencyID: String) -> String {
        var rest = dependencyID.hasPrefix("dependency:") ? String(dependencyID.dropFirst("dependency:".count)) : dependencyID
        if let slash = rest.firstIndex(of: "/"), let at = rest[rest.index(after: slash)...].dropFirst().lastIndex(of: "@") {
            rest = String(rest[..<at])
        }
        return rest.lowercased()
    }

    /// "pypi/urllib3" → "urllib3".
    static func packageName(_ key: String) -> String {
        guard let slash = key.firstIndex(of: "/") else { return key }
        return String(key[key.index(after: slash)...])
    }
}
