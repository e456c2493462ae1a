import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import VantageCore
@testable import VantageKnowledge

/// Collects nodes (id → data) and edges from a GraphML document with Foundation's XML parser.
private final class GraphMLReader: NSObject, XMLParserDelegate {
    var nodes: [String: [String: String]] = [:]
    var edges: [String] = []
    var keys: [String: String] = [:]          // key id → "for attr.name"
    private var currentNode: String?
    private var currentEdge: (String, String)?
    private var currentKey: String?
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "key": keys[attributes["id"] ?? ""] = "\(attributes["for"] ?? "") \(attributes["attr.name"] ?? "")"
        case "node": currentNode = attributes["id"]; nodes[attributes["id"] ?? ""] = [:]
        case "edge": currentEdge = (attributes["source"] ?? "", attributes["target"] ?? "")
        case "data": currentKey = attributes["key"]; text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "data":
            if let node = currentNode, let key = currentKey { nodes[node]?[key] = text }
            if let (from, to) = currentEdge { edges.append("\(from) -\(text)-> \(to)") }
        case "node": currentNode = nil
        case "edge": currentEdge = nil
        default: break
        }
    }
}

@Suite struct GraphExporterTests {
    static func fixtureGraph() -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        graph.apply(projects: FixtureWorkspace.projects)
        // A label that needs escaping in every format.
        graph.insert(GraphNode(id: "error:quote", label: "KeyError: \"A&B\" <x>", kind: .error))
        graph.connect(GraphEdge(from: "project:/ws/api", to: "error:quote", kind: .raised))
        return graph
    }

    @Test func graphMLParsesAndHoldsEveryNodeAndEdge() throws {
        let graph = Self.fixtureGraph()
        let text = GraphExporter.export(graph, as: .graphml)
        let parser = XMLParser(data: Data(text.utf8))
        let reader = GraphMLReader()
        parser.delegate = reader
        #expect(parser.parse(), "GraphML did not parse: \(String(describing: parser.parserError))")
        #expect(reader.keys == ["label": "node label", "kind": "node kind", "edgekind": "edge kind"])
        #expect(reader.nodes.count == graph.nodes.count)
        #expect(reader.nodes["project:/ws/web"] == ["label": "web", "kind": "project"])
        #expect(reader.nodes["error:quote"] == ["label": "KeyError: \"A&B\" <x>", "kind": "error"])
        #expect(Set(reader.edges) == Set(graph.edges.map { "\($0.from) -\($0.kind.rawValue)-> \($0.to)" }))
        #expect(reader.edges.contains("project:/ws/api -shares_dependency-> project:/ws/web"))
    }

    @Test func jsonParsesAndHoldsEveryNodeAndEdge() throws {
        let graph = Self.fixtureGraph()
        let text = GraphExporter.export(graph, as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: String]])
        let edges = try #require(object["edges"] as? [[String: String]])
        #expect(nodes.count == graph.nodes.count)
        #expect(nodes.contains(["id": "port:5000", "label": ":5000", "kind": "port"]))
        #expect(nodes.contains(["id": "error:quote", "label": "KeyError: \"A&B\" <x>", "kind": "error"]))
        #expect(Set(edges.map { "\($0["from"]!) -\($0["kind"]!)-> \($0["to"]!)" })
                == Set(graph.edges.map { "\($0.from) -\($0.kind.rawValue)-> \($0.to)" }))
    }

    @Test func dotIsAWellFormedDigraphWithEveryNodeAndEdge() {
        let graph = Self.fixtureGraph()
        let text = GraphExporter.export(graph, as: .dot)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "digraph knowledge {")
        #expect(lines.last == "}")
        #expect(lines.contains("  \"project:/ws/web\" [label=\"web\", kind=\"project\"];"))
        #expect(lines.contains("  \"error:quote\" [label=\"KeyError: \\\"A&B\\\" <x>\", kind=\"error\"];"))
        #expect(lines.contains("  \"project:/ws/web\" -> \"port:5000\" [label=\"exposes\", kind=\"exposes\"];"))
        #expect(lines.filter { $0.contains(" -> ") }.count == graph.edges.count)
        #expect(lines.count == 2 + graph.nodes.count + graph.edges.count)
        // Every statement line ends with a semicolon and quotes balance (escaped quotes aside).
        for line in lines.dropFirst().dropLast() {
            #expect(line.hasSuffix(";"))
            #expect(line.replacingOccurrences(of: "\\\"", with: "").filter { $0 == "\"" }.count % 2 == 0)
        }
    }

    /// Graphviz's `dot`; under CI=true the test runs even without it, and fails (scripts/test installs it).
    static let dot = ChildProcess.which("dot")
    static let requiredUnderCI = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: dot != nil || requiredUnderCI, "needs Graphviz's dot (apt-get install graphviz; scripts/test installs it)"))
    func dotIsAcceptedByGraphviz() throws {
        let dot = try #require(Self.dot, "Graphviz's dot is not installed (apt-get install graphviz)")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path + "/g.dot"
        let graph = Self.fixtureGraph()
        try GraphExporter.export(graph, as: .dot).write(toFile: file, atomically: true, encoding: .utf8)
        // `-Tplain` lists what Graphviz read: one `node` line per node and one `edge` line per edge.
        let result = try ChildProcess.run([dot, "-Tplain", file], stderr: .merged)
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("node ") }.count == graph.nodes.count, "\(result.output)")
        #expect(lines.filter { $0.hasPrefix("edge ") }.count == graph.edges.count, "\(result.output)")
    }
}
