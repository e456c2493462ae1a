import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageKnowledge

/// `vantage graph export|clusters|patterns`: the knowledge graph of the scanned workspace.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Export and explore the knowledge graph of the projects under the --root folders.",
        subcommands: [GraphExportCommand.self, GraphClustersCommand.self, GraphPatternsCommand.self])

    /// Scans `roots` and builds the project layer of the graph; scan warnings go to stderr.
    static func build(_ workspace: WorkspaceOptions, depth: Int) throws -> KnowledgeGraph {
        let roots = try workspace.resolvedRoots()
        let result = try ProjectScanner().scan(roots: roots, maxDepth: depth)
        for warning in result.warnings {
            FileHandle.standardError.write(Data("warning: \(warning.description)\n".utf8))
        }
        var graph = KnowledgeGraph()
        graph.apply(projects: result.projects)
        return graph
    }
}

extension GraphExportFormat: ExpressibleByArgument {}

struct GraphExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the knowledge graph as Graphviz DOT, GraphML or JSON.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: ArgumentHelp("dot, graphml or json.", valueName: "format")) var format: GraphExportFormat = .json
    @Option(help: ArgumentHelp("How many folder levels below each root to look into.", valueName: "n")) var depth: Int = 4

    func run() throws {
        let graph = try GraphCommand.build(workspace, depth: depth)
        print(GraphExporter.export(graph, as: format), terminator: "")
    }
}

struct GraphClustersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "List the communities of the knowledge graph (Louvain), largest first.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: ArgumentHelp("How many folder levels below each root to look into.", valueName: "n")) var depth: Int = 4

    func run() throws {
        let graph = try GraphCommand.build(workspace, depth: depth)
        let clusters = Communities.detect(graph)
        if clusters.isEmpty { print("No projects found."); return }
        for (i, members) in clusters.enumerated() {
            let labels = members.map { graph.nodes[$0]?.label ?? $0 }
            print("cluster \(i + 1) (\(members.count)): \(labels.joined(separator: ", "))")
        }
    }
}

struct GraphPatternsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patterns",
        abstract: "Print patterns found in the knowledge graph (shared versions, similar projects).")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: ArgumentHelp("How many folder levels below each root to look into.", valueName: "n")) var depth: Int = 4

    func run() throws {
        let graph = try GraphCommand.build(workspace, depth: depth)
        let findings = PatternFinder.findings(graph)
        if findings.isEmpty { print("No patterns found."); return }
        for finding in findings { print(finding.text) }
    }
}
