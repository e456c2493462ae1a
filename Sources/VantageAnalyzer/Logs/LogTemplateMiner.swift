/// Online log template mining in the Drain family (He et al., ICWS 2017).
///
/// Each line loses its header (`LogLineHeader`), is split into masked tokens (`LogTokenMasker`) and is
/// routed through a fixed-depth prefix tree: first by token count, then by its leading tokens
/// (a token holding a value routes through the wildcard child). In the leaf, the most similar
/// cluster takes the line if enough of its constant tokens match (see `similarity`); differing positions become `<*>`.
/// Otherwise the line starts a new cluster.
///
/// Not thread-safe: one owner feeds it (an actor, or a command reading a file).
public final class LogTemplateMiner {
    public let configuration: LogMinerConfiguration

    private final class Node {
        var children: [Int: Node] = [:]
        var clusters: [Int] = []
    }

    private struct Cluster {
        var tokens: [Int]
        var count: Int
        var firstLine: Int
        var lastLine: Int
    }

    private var interner = TokenInterner()
    private var masker = LogTokenMasker()
    private var byLength: [Int: Node] = [:]
    /// Clusters per token count, for lines whose leading tokens hold an unmasked variable.
    private var clustersByLength: [Int: [Int]] = [:]
    private var store: [Cluster] = []
    private var lineTokens: [Int] = []
    /// Lines given so far; the next line's 1-based number is `lineCount + 1`.
    public private(set) var lineCount = 0

    public init(configuration: LogMinerConfiguration = .default) {
        self.configuration = configuration
        lineTokens.reserveCapacity(64)
    }

    /// Adds one line (without its newline) and returns the cluster it joined.
    @discardableResult
    public func add(_ line: String) -> LogClusterID {
        var line = line
        return line.withUTF8 { add(bytes: $0) }
    }

    /// Adds one line given as UTF-8 bytes (without its newline).
    @discardableResult
    public func add(bytes line: UnsafeBufferPointer<UInt8>) -> LogClusterID {
        lineCount += 1
        lineTokens.removeAll(keepingCapacity: true)
        let start = LogLineHeader.messageStart(line)
        var sawCalendarWord = false
        masker.tokens(line, from: start) { token in
            let id = interner.intern(token)
            sawCalendarWord = sawCalendarWord || interner.isCalendarWord[id]
            lineTokens.append(id)
        }
        if sawCalendarWord { maskWrittenDates() }
        collapseValueRuns()
        return LogClusterID(place(lineTokens) + 1)
    }

    /// `Sun Dec 04 04:47:44 2005`: month and weekday names next to a value are part of a date.
    private func maskWrittenDates() {
        var i = 0
        while i < lineTokens.count {
            if interner.isCalendarWord[lineTokens[i]] {
                // Look past further calendar words (`Sun Dec 04`) for the value that makes it a date.
                var j = i
                while j < lineTokens.count, interner.isCalendarWord[lineTokens[j]] { j += 1 }
                let valueAfter = j < lineTokens.count && lineTokens[j] == TokenInterner.wildcard
                let valueBefore = i > 0 && lineTokens[i - 1] == TokenInterner.wildcard
                if valueAfter || valueBefore {
                    for k in i ..< j { lineTokens[k] = TokenInterner.wildcard }
                }
                i = j
            } else {
                i += 1
            }
        }
    }

    /// A run of bare values (`<*> <*> <*>`) is one variable-length value: a list of ids, a written-out
    /// date. Keeping one lets lists of any length share a template.
    private func collapseValueRuns() {
        var kept = 0
        for i in lineTokens.indices {
            let id = lineTokens[i]
            if id == TokenInterner.wildcard, kept > 0, lineTokens[kept - 1] == TokenInterner.wildcard { continue }
            lineTokens[kept] = id
            kept += 1
        }
        lineTokens.removeLast(lineTokens.count - kept)
    }

    /// Every cluster, in order of creation.
    public var clusters: [LogCluster] {
        store.indices.map(cluster(at:))
    }

    public func cluster(_ id: LogClusterID) -> LogCluster? {
        let index = id.rawValue - 1
        return store.indices.contains(index) ? cluster(at: index) : nil
    }

    /// The current template of a cluster (it can still generalise as lines arrive).
    public func template(of id: LogClusterID) -> String {
        let index = id.rawValue - 1
        return store.indices.contains(index) ? render(store[index].tokens) : ""
    }

    private func cluster(at index: Int) -> LogCluster {
        let c = store[index]
        return LogCluster(id: LogClusterID(index + 1), template: render(c.tokens), count: c.count,
                          firstLine: c.firstLine, lastLine: c.lastLine)
    }

    private func render(_ tokens: [Int]) -> String {
        var bytes: [UInt8] = []
        for (i, t) in tokens.enumerated() {
            if i > 0 { bytes.append(0x20) }
            bytes.append(contentsOf: interner.bytes(of: t))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Tree

    private func leaf(for tokens: [Int]) -> Node {
        let root: Node
        if let n = byLength[tokens.count] { root = n } else { root = Node(); byLength[tokens.count] = root }
        var node = root
        let depth = min(configuration.prefixDepth, tokens.count)
        for i in 0 ..< depth {
            let t = tokens[i]
            let key = interner.hasMask[t] ? TokenInterner.wildcard : t
            if let child = node.children[key] {
                node = child
            } else if node.children.count < configuration.maxChildren || key == TokenInterner.wildcard {
                let child = Node()
                node.children[key] = child
                node = child
            } else if let any = node.children[TokenInterner.wildcard] {
                node = any
            } else {
                let child = Node()
                node.children[TokenInterner.wildcard] = child
                node = child
            }
        }
        return node
    }

    private func place(_ tokens: [Int]) -> Int {
        let node = leaf(for: tokens)
        var best = -1
        var bestSim = -1.0
        var bestParams = -1
        for index in node.clusters {
            let (sim, params) = similarity(store[index].tokens, tokens)
            if sim > bestSim || (sim == bestSim && params > bestParams) {
                best = index; bestSim = sim; bestParams = params
            }
        }
        if best < 0 || bestSim < configuration.similarityThreshold,
           let linked = matchAcrossPaths(tokens, excluding: node.clusters) {
            // A variable word among the leading tokens (`User alice logged in`) sent the line down a
            // new path. Link the cluster into this leaf so the next such line finds it directly.
            node.clusters.append(linked)
            best = linked
            bestSim = 1
        }
        if best >= 0, bestSim >= configuration.similarityThreshold {
            var c = store[best]
            for i in c.tokens.indices where c.tokens[i] != tokens[i] { c.tokens[i] = TokenInterner.wildcard }
            c.count += 1
            c.lastLine = lineCount
            store[best] = c
            return best
        }
        store.append(Cluster(tokens: tokens, count: 1, firstLine: lineCount, lastLine: lineCount))
        node.clusters.append(store.count - 1)
        clustersByLength[tokens.count, default: []].append(store.count - 1)
        return store.count - 1
    }

    /// How many clusters of the same length a line that matches nothing in its leaf is compared with.
    static let fallbackScan = 256

    /// A cluster of the same length (among the latest `fallbackScan`) from which the line differs in
    /// at most one routing token while every constant token after the routing prefix matches.
    /// Strict on purpose: the prefix tree keeps templates that differ in a leading word apart.
    private func matchAcrossPaths(_ tokens: [Int], excluding: [Int]) -> Int? {
        let depth = min(configuration.prefixDepth, tokens.count)
        guard depth > 0, tokens.count > depth else { return nil }
        candidates: for index in (clustersByLength[tokens.count] ?? []).suffix(Self.fallbackScan).reversed()
            where !excluding.contains(index) {
            let template = store[index].tokens
            var prefixDifferences = 0
            for i in 0 ..< depth where template[i] != TokenInterner.wildcard && template[i] != tokens[i] {
                prefixDifferences += 1
            }
            guard prefixDifferences <= 1 else { continue }
            var constants = 0
            for i in depth ..< tokens.count where template[i] != TokenInterner.wildcard {
                if template[i] != tokens[i] { continue candidates }
                constants += 1
            }
            // At least two constant words must agree: "a b" and "c b" are not one template.
            if constants >= 2 { return index }
        }
        return nil
    }

    /// The share of the template's constant positions that hold the same token in the line, and the
    /// number of wildcard positions (to prefer the more general of equal matches).
    ///
    /// Unlike Drain, wildcard positions are left out of the share: values are already masked, so a
    /// line full of values is judged on its words only, and a higher threshold can tell apart
    /// templates that differ in one or two words.
    private func similarity(_ template: [Int], _ tokens: [Int]) -> (Double, Int) {
        if template.isEmpty { return (1, 0) }
        var same = 0, params = 0
        for i in template.indices {
            let t = template[i]
            if t == TokenInterner.wildcard { params += 1 } else if t == tokens[i] { same += 1 }
        }
        let constants = template.count - params
        return (constants == 0 ? 1 : Double(same) / Double(constants), params)
    }
}
