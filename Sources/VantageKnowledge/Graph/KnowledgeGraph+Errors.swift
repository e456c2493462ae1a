import VantageCore

extension GraphNodeID {
    /// An error pattern: the same text (numbers masked) is one node across projects.
    public static func error(_ template: String) -> String { "error:" + template }

    /// The error text with runs of digits replaced by `<*>`, so "port 5432" and "port 6379" differ
    /// only where they should not matter ("[Errno 111]" and a pid do not split a pattern).
    public static func errorTemplate(_ text: String) -> String {
        var out = ""
        var inDigits = false
        for ch in text.trimmingCharacters(in: .whitespaces) {
            if ch.isASCII && ch.isNumber {
                if !inDigits { out += "<*>"; inDigits = true }
            } else {
                inDigits = false
                out.append(ch)
            }
        }
        return out
    }
}

extension KnowledgeGraph {
    /// Adds the error pattern of `errorLine` (numbers masked) and a `raised` edge from `project`.
    /// Returns the error node's id. The project node must exist for the edge to be added.
    @discardableResult
    public mutating func attachError(_ errorLine: String, raisedBy project: ProjectID) -> String {
        let template = GraphNodeID.errorTemplate(errorLine)
        let id = GraphNodeID.error(template)
        insert(GraphNode(id: id, label: template, kind: .error))
        connect(GraphEdge(from: GraphNodeID.project(project), to: id, kind: .raised))
        return id
    }
}
