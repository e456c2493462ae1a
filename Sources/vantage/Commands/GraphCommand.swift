import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDetector
import VantageKnowledge
import VantageStore

/// `vantage graph export|clusters|patterns`: the knowledge graph of the scanned workspace.
struct GraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Export and explore the knowledge graph of the projects under the --root folders.",
        subcommands: [GraphExportCommand.self, GraphClustersCommand.self, GraphPatternsCommand.self])

    /// Scans `roots` and builds the project layer of the graph; scan warnings go to stderr.
    static func build(_ workspace: WorkspaceOptions, depth: Int) throws -> KnowledgeGraph {
        let roots = try workspace.resolvedRoots()
        let result = try ProjectScanner().scan(roots: roots, maxDepth: depth)
        for warning in result.warnings {
            writeStandardError("warning: \(warning.description)\n")
        }
        var graph = KnowledgeGraph()
        graph.apply(projects: result.projects)
        addErrors(from: result.projects, to: &graph)
        return graph
    }

    /// Error patterns from the last run of each launched project's log (`$VANTAGE_HOME/logs`), as
    /// `raised` edges, and each recurring one linked (`affected_by`) to the projects' common dependency.
    static func addErrors(from projects: [Project], to graph: inout KnowledgeGraph) {
        let sources = TroubleshootingSources(paths: VantagePaths.fromEnvironment(), projects: projects, learned: [])
        let logged = Set(sources.logNames())
        for project in projects {
            let name = ProjectLogFile.name(forProject: project.name)
            guard logged.contains(name) else { continue }
            for (_, suggestion) in sources.problems(of: name) {
                graph.attachError(suggestion.evidence, raisedBy: project.id)
            }
        }
        for finding in PatternFinder.findings(graph) where finding.kind == .recurringError {
            for edge in finding.impliedEdges { graph.connect(edge) }
        }
    }
}

extension GraphExportFormat: ExpressibleByArgument {}

struct GraphExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the knowledge graph as Graphviz DOT, GraphML or JSON.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: ArgumentHelp("dot, graphml or json.", valueName: "format")) var format: GraphExportFormat = .json
    @Flag(help: "Also save the graph in Vantage's database ($VANTAGE_HOME/vantage.sqlite).") var save = false
    @Option(help: ArgumentHelp("How many folder levels below each root to look into.", valueName: "n")) var depth: Int = 4

    func run() async throws {
        let graph = try GraphCommand.build(workspace, depth: depth)
        if save { try await Store.open().saveGraph(graph) }
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
