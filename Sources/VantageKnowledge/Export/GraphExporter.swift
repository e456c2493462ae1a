import Foundation
import VantageCore

/// Writes a knowledge graph as Graphviz DOT, GraphML or JSON, in a deterministic order
/// (nodes by id, edges by from, to, kind), so two exports of the same graph are identical.
public enum GraphExporter {
    public static func export(_ graph: KnowledgeGraph, as format: GraphExportFormat) -> String {
        switch format {
        case .dot: dot(graph)
        case .graphml: graphML(graph)
        case .json: json(graph)
        }
    }

    /// A `digraph` with each node's label and kind, and each edge's kind as its label.
    public static func dot(_ graph: KnowledgeGraph) -> String {
        var out = "digraph knowledge {\n"
        for n in graph.orderedNodes {
            out += "  \(dotQuoted(n.id)) [label=\(dotQuoted(n.label)), kind=\(dotQuoted(n.kind.rawValue))];\n"
        }
        for e in graph.orderedEdges {
            out += "  \(dotQuoted(e.from)) -> \(dotQuoted(e.to)) [label=\(dotQuoted(e.kind.rawValue)), kind=\(dotQuoted(e.kind.rawValue))];\n"
        }
        return out + "}\n"
    }

    /// GraphML with `label` and `kind` keys for nodes and `kind` for edges.
    public static func graphML(_ graph: KnowledgeGraph) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="kind" for="node" attr.name="kind" attr.type="string"/>
              <key id="edgekind" for="edge" attr.name="kind" attr.type="string"/>
              <graph id="knowledge" edgedefault="directed">

            """
        for n in graph.orderedNodes {
            out += "    <node id=\"\(xmlEscaped(n.id))\">"
            out += "<data key=\"label\">\(xmlEscaped(n.label))</data>"
            out += "<data key=\"kind\">\(n.kind.rawValue)</data></node>\n"
        }
        for e in graph.orderedEdges {
            out += "    <edge source=\"\(xmlEscaped(e.from))\" target=\"\(xmlEscaped(e.to))\">"
            out += "<data key=\"edgekind\">\(e.kind.rawValue)</data></edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    /// `{"nodes": [{"id", "label", "kind"}], "edges": [{"from", "to", "kind"}]}`.
    public static func json(_ graph: KnowledgeGraph) -> String {
        struct Document: Encodable {
            var nodes: [GraphNode]
            var edges: [GraphEdge]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(nodes: graph.orderedNodes, edges: graph.orderedEdges))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func dotQuoted(_ s: String) -> String {
        "\"" + TextEscaping.escaped(s, ["\"": "\\\"", "\\": "\\\\", "\n": "\\n"]) + "\""
    }

    static func xmlEscaped(_ s: String) -> String {
        TextEscaping.escaped(s, ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"])
    }
}
