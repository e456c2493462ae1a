/// Log template mining by word frequency (after Brain, Yu et al., IEEE TSC 2023), with no per-source
/// settings.
///
/// `add` strips each line's header (`LogLineHeader`), masks its values (`LogTokenMasker`, plus dates
/// and scaled sizes written over several words) and records the resulting word sequence, its
/// *shape*. Lines of one shape always share a template. `grouping()` then groups the shapes:
///
/// 1. Shapes are compared only with shapes of the same word count.
/// 2. Within one word count, every (position, word) pair is counted over all lines. In each line the
///    largest set of words sharing one count is its *longest common pattern*: the words that a
///    logging statement printed together every time it ran. Lines with the same pattern words form an
///    initial group.
/// 3. Inside an initial group a position whose words differ is a variable when it holds a masked
///    value in some line, or when it takes more than `LogMinerConfiguration.variableValues` different
///    words; otherwise its words are constants and split the group (`LOOKING` / `FOLLOWING`).
/// 4. A variable that holds spaces (`John Smith`) changes the word count, not the template: groups
///    whose templates are equal once runs of `<*>` are read as one variable merge, and a group whose
///    words match another template where one variable between two constant words takes two to four
///    words joins that template (`login by John Smith from <*>` joins `login by <*> from <*>`).
///
/// Not thread-safe: one owner feeds it (an actor, or a command reading a file).
public final class LogTemplateMiner {
    public let configuration: LogMinerConfiguration

    private struct Shape {
        let tokens: [Int]
        var count: Int
        let firstLine: Int
        var lastLine: Int
    }

    private var interner = TokenInterner()
    private var masker = LogTokenMasker()
    private var shapeIndex: [[Int]: Int] = [:]
    private var shapes: [Shape] = []
    private var lineTokens: [Int] = []
    /// Lines given so far; the next line's 1-based number is `lineCount + 1`.
    public private(set) var lineCount = 0

    public init(configuration: LogMinerConfiguration = .default) {
        self.configuration = configuration
        lineTokens.reserveCapacity(64)
    }

    /// Different word sequences seen so far (after masking).
    public var shapeCount: Int { shapes.count }

    /// Adds one line (without its newline) and returns the index of its shape.
    @discardableResult
    public func add(_ line: String) -> Int {
        var line = line
        return line.withUTF8 { add(bytes: $0) }
    }

    /// Adds one line given as UTF-8 bytes (without its newline) and returns the index of its shape.
    @discardableResult
    public func add(bytes line: UnsafeBufferPointer<UInt8>) -> Int {
        lineCount += 1
        lineTokens.removeAll(keepingCapacity: true)
        let start = LogLineHeader.messageStart(line)
        var sawUnitWord = false
        masker.tokens(line, from: start) { token in
            let id = interner.intern(token)
            sawUnitWord = sawUnitWord || interner.isCalendarWord[id] || interner.isSizeUnit[id]
            lineTokens.append(id)
        }
        if sawUnitWord { maskValueWords() }
        collapseValueRuns()
        if let index = shapeIndex[lineTokens] {
            shapes[index].count += 1
            shapes[index].lastLine = lineCount
            return index
        }
        shapes.append(Shape(tokens: lineTokens, count: 1, firstLine: lineCount, lastLine: lineCount))
        shapeIndex[lineTokens] = shapes.count - 1
        return shapes.count - 1
    }

    /// Words that belong to a value written with spaces:
    /// - month and weekday names next to a value (`Sun Dec 04 04:47:44 2005`) are part of a date;
    /// - a scaled size unit after a number (`1.57 KB`, `3 GiB`) is part of the size, since the program
    ///   picked the unit for the value.
    private func maskValueWords() {
        var i = 0
        while i < lineTokens.count {
            let id = lineTokens[i]
            if interner.isCalendarWord[id] {
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
                if interner.isSizeUnit[id], i > 0, lineTokens[i - 1] == TokenInterner.wildcard {
                    lineTokens[i] = TokenInterner.wildcard
                }
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

    // MARK: - Grouping

    /// Groups every shape seen so far into templates (see the type's description).
    public func grouping() -> LogTemplateGrouping {
        var groups: [[Int]] = []
        var byLength: [Int: [Int]] = [:]
        for (index, shape) in shapes.enumerated() { byLength[shape.tokens.count, default: []].append(index) }
        for length in byLength.keys.sorted() {
            groups.append(contentsOf: groupsOfOneLength(byLength[length]!, length: length))
        }
        // Templates equal once runs of `<*>` count as one merge (a variable holding spaces).
        var byTemplate: [[Int]: Int] = [:]
        var merged: [(template: [Int], shapes: [Int])] = []
        for members in groups {
            let template = collapsed(templateTokens(members))
            if let at = byTemplate[template] {
                merged[at].shapes.append(contentsOf: members)
            } else {
                byTemplate[template] = merged.count
                merged.append((template, members))
            }
        }
        mergeSpacedValues(&merged)
        // Clusters are numbered in the order of their first line.
        let firstLines = merged.map { m in m.shapes.map { shapes[$0].firstLine }.min() ?? 0 }
        let order = merged.indices.sorted { firstLines[$0] < firstLines[$1] }
        var clusterOfShape = Array(repeating: LogClusterID(0), count: shapes.count)
        var clusters: [LogCluster] = []
        var templatesByLength: [Int: [(tokens: [Int], cluster: LogClusterID)]] = [:]
        for (n, at) in order.enumerated() {
            let id = LogClusterID(n + 1)
            var count = 0, last = 0
            var byLength: [Int: [Int]] = [:]
            for s in merged[at].shapes {
                clusterOfShape[s] = id
                count += shapes[s].count
                last = max(last, shapes[s].lastLine)
                byLength[shapes[s].tokens.count, default: []].append(s)
            }
            for (length, members) in byLength { templatesByLength[length, default: []].append((templateTokens(members), id)) }
            clusters.append(LogCluster(id: id, template: render(merged[at].template), count: count,
                                       firstLine: firstLines[at], lastLine: last))
        }
        return LogTemplateGrouping(clusters: clusters, clusterOfShape: clusterOfShape, templatesByLength: templatesByLength)
    }

    /// The words of one shape, values as `<*>`.
    public func template(ofShape shape: Int) -> String { render(shapes[shape].tokens) }

    /// The cluster of `grouping` whose template (of the same word count) `shape` fits: its words where
    /// the template has words, anything where it has a variable. For a shape added after `grouping`
    /// was made, without grouping everything again.
    public func cluster(ofShape shape: Int, in grouping: LogTemplateGrouping) -> LogClusterID? {
        if shape < grouping.clusterOfShape.count { return grouping.clusterOfShape[shape] }
        let tokens = shapes[shape].tokens
        return grouping.templatesByLength[tokens.count]?.first { template in
            zip(template.tokens, tokens).allSatisfy { $0 == $1 || $0 == TokenInterner.wildcard }
        }?.cluster
    }

    /// Groups the shapes (all of `length` words) by their longest common pattern, then splits each
    /// group by the positions whose differing words are constants.
    private func groupsOfOneLength(_ members: [Int], length: Int) -> [[Int]] {
        if members.count == 1 || length == 0 { return [members] }
        // Lines per (position, word).
        var frequency = Array(repeating: [Int: Int](), count: length)
        for s in members {
            let shape = shapes[s]
            for (p, t) in shape.tokens.enumerated() where t != TokenInterner.wildcard {
                frequency[p][t, default: 0] += shape.count
            }
        }
        var initial: [[Int]: [Int]] = [:]
        var initialOrder: [[Int]] = []
        var tally: [Int: Int] = [:]
        for s in members {
            let tokens = shapes[s].tokens
            tally.removeAll(keepingCapacity: true)
            for (p, t) in tokens.enumerated() where t != TokenInterner.wildcard { tally[frequency[p][t]!, default: 0] += 1 }
            // The count shared by the most words; on a tie, the higher count (the more general pattern).
            var best = 0, bestWords = 0
            for (f, words) in tally where words > bestWords || (words == bestWords && f > best) {
                best = f; bestWords = words
            }
            var key: [Int] = []
            for (p, t) in tokens.enumerated() where t != TokenInterner.wildcard && frequency[p][t] == best {
                key.append(p); key.append(t)
            }
            if initial[key] == nil { initialOrder.append(key) }
            initial[key, default: []].append(s)
        }
        var result: [[Int]] = []
        for key in initialOrder { result.append(contentsOf: split(initial[key]!, length: length)) }
        return result
    }

    /// Splits one initial group by the positions that hold constants in every line but not the same one.
    private func split(_ members: [Int], length: Int) -> [[Int]] {
        if members.count == 1 { return [members] }
        var splitting: [Int] = []
        var values = Set<Int>()
        for p in 0 ..< length {
            values.removeAll(keepingCapacity: true)
            var masked = false
            for s in members {
                let t = shapes[s].tokens[p]
                values.insert(t)
                if interner.hasMask[t] { masked = true }
            }
            guard values.count > 1 else { continue }
            if masked || values.count > configuration.variableValues { continue }
            splitting.append(p)
        }
        if splitting.isEmpty { return [members] }
        var parts: [[Int]: [Int]] = [:]
        var order: [[Int]] = []
        for s in members {
            let key = splitting.map { shapes[s].tokens[$0] }
            if parts[key] == nil { order.append(key) }
            parts[key, default: []].append(s)
        }
        return order.map { parts[$0]! }
    }

    /// The template of shapes of one length: the word where all agree, `<*>` elsewhere.
    private func templateTokens(_ members: [Int]) -> [Int] {
        var template = shapes[members[0]].tokens
        for s in members.dropFirst() {
            let tokens = shapes[s].tokens
            for i in template.indices where template[i] != tokens[i] { template[i] = TokenInterner.wildcard }
        }
        return template
    }

    /// Longest value with spaces one `<*>` may stand for, in extra words (a person's or a place's name).
    static let maxExtraWords = 3

    /// Moves each group that matches a shorter template with one variable taking extra words into it.
    /// Only templates seen with more than one shape take groups in (their variables have varied), and
    /// they are looked up by word count, first and last word, so that a file of unrelated lines costs
    /// a few lookups per line, not a comparison with every template.
    private func mergeSpacedValues(_ groups: inout [(template: [Int], shapes: [Int])]) {
        struct Key: Hashable { let length: Int, first: Int, last: Int }
        var targets: [Key: [Int]] = [:]
        for (i, g) in groups.enumerated() where g.shapes.count > 1 && g.template.count >= 3 {
            let t = g.template
            guard t.contains(TokenInterner.wildcard), t.count { $0 != TokenInterner.wildcard } >= 2 else { continue }
            targets[Key(length: t.count, first: t[0], last: t[t.count - 1]), default: []].append(i)
        }
        guard !targets.isEmpty else { return }
        var target = Array(groups.indices)
        for (i, g) in groups.enumerated() {
            let n = g.template.count
            let w = TokenInterner.wildcard
            var best = -1, bestConstants = 0
            for extra in 1 ... Self.maxExtraWords where n - extra >= 3 {
                for first in Set([g.template[0], w]) {
                    for last in Set([g.template[n - 1], w]) {
                        for j in targets[Key(length: n - extra, first: first, last: last)] ?? [] where j != i && target[j] == j {
                            let t = groups[j].template
                            let constants = t.count { $0 != TokenInterner.wildcard }
                            if constants > bestConstants, matchesWithSpacedValue(t, g.template, extra: extra) {
                                best = j; bestConstants = constants
                            }
                        }
                    }
                }
            }
            if best >= 0 { target[i] = best }
        }
        // A group that took others in may itself have moved: follow to the end (word counts only
        // shrink along the way, so this ends).
        for i in groups.indices { while target[target[i]] != target[i] { target[i] = target[target[i]] } }
        var kept: [(template: [Int], shapes: [Int])] = []
        var at: [Int: Int] = [:]
        for i in groups.indices where target[i] == i { at[i] = kept.count; kept.append(groups[i]) }
        for i in groups.indices where target[i] != i { kept[at[target[i]]!].shapes.append(contentsOf: groups[i].shapes) }
        groups = kept
    }

    /// Whether `line` equals `template` with one `<*>` that has a constant word after it taking
    /// `1 + extra` words, and every other `<*>` one word.
    private func matchesWithSpacedValue(_ template: [Int], _ line: [Int], extra: Int) -> Bool {
        // The longest common prefix and suffix must meet around one wildcard.
        var p = 0
        while p < template.count, template[p] == line[p] || (template[p] == TokenInterner.wildcard && line[p] != TokenInterner.wildcard) {
            if template[p] == TokenInterner.wildcard, p + 1 < template.count, template[p + 1] != TokenInterner.wildcard,
               tailMatches(template, line, from: p + 1, extra: extra) { return true }
            p += 1
        }
        return false
    }

    private func tailMatches(_ template: [Int], _ line: [Int], from: Int, extra: Int) -> Bool {
        for i in from ..< template.count {
            let t = template[i], l = line[i + extra]
            if t == l { continue }
            if t == TokenInterner.wildcard, l != TokenInterner.wildcard { continue }
            return false
        }
        return true
    }

    private func collapsed(_ tokens: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(tokens.count)
        for t in tokens where !(t == TokenInterner.wildcard && out.last == TokenInterner.wildcard) { out.append(t) }
        return out
    }

    private func render(_ tokens: [Int]) -> String {
        var bytes: [UInt8] = []
        for (i, t) in tokens.enumerated() {
            if i > 0 { bytes.append(0x20) }
            bytes.append(contentsOf: interner.bytes(of: t))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The templates of the lines given to a `LogTemplateMiner` so far.
public struct LogTemplateGrouping: Sendable {
    /// Clusters in order of their first line, numbered from 1.
    public let clusters: [LogCluster]
    /// `clusterOfShape[s]` is the cluster of the lines whose shape index (returned by `add`) is `s`.
    public let clusterOfShape: [LogClusterID]
    /// Per word count, the template of each cluster's lines of that count (interned words).
    let templatesByLength: [Int: [(tokens: [Int], cluster: LogClusterID)]]

    public func cluster(_ id: LogClusterID) -> LogCluster? {
        clusters.indices.contains(id.rawValue - 1) ? clusters[id.rawValue - 1] : nil
    }
}
