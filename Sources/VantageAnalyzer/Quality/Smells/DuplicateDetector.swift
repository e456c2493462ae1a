/// Finds duplicated blocks across files: a rolling hash over each file's
/// normalised tokens (comments and layout dropped, every string and number
/// literal the same), then each match extended as far as the tokens agree.
/// A block is reported when it spans at least `minLines` lines and `minTokens` tokens.
/// Only windows whose hash has its low three bits clear are indexed and probed
/// (content-defined sampling: both copies of a block select the same windows), and a
/// match is extended backwards and forwards, so the index holds an eighth of the windows.
struct DuplicateDetector {
    private struct FileTokens {
        var path: String
        var values: [UInt64]
        var lines: [Int32]
    }

    private let minTokens: Int
    private let minLines: Int
    private var files: [FileTokens] = []

    init(thresholds: SmellThresholds) {
        minTokens = max(10, thresholds.duplicateMinTokens)
        minLines = max(1, thresholds.duplicateMinLines)
    }

    mutating func add(path: String, stream: TokenStream) {
        var values: [UInt64] = []
        var lines: [Int32] = []
        values.reserveCapacity(stream.tokens.count)
        var line: Int32 = 1
        for t in stream.tokens {
            switch t.kind {
            case .newline: line += 1; continue
            case .space, .backslashNewline: continue
            case .comment, .macro: line += t.newlines; continue
            case .string, .number:
                values.append(0x5151_5151)
            case .identifier:
                var h: UInt64 = 14_695_981_039_346_656_037
                for i in Int(t.start)..<Int(t.end) { h = (h ^ UInt64(stream.bytes[i])) &* 1_099_511_628_211 }
                values.append(h)
            default:
                values.append(UInt64(t.kind.rawValue) &+ 1)
            }
            lines.append(line)
            line += t.newlines
        }
        files.append(FileTokens(path: path, values: values, lines: lines))
    }

    func duplicates() -> [Smell] {
        let window = minTokens
        let base: UInt64 = 1_000_003
        var power: UInt64 = 1
        for _ in 1..<window { power = power &* base }
        var seen: [UInt64: (file: Int, index: Int)] = [:]
        var smells: [Smell] = []
        for (fileIndex, file) in files.enumerated() where file.values.count >= window {
            let v = file.values
            var hash: UInt64 = 0
            for k in 0..<window { hash = hash &* base &+ v[k] }
            var i = 0
            var skipUntil = 0
            while true {
                if hash & 7 == 0 {
                    if i >= skipUntil, let earlier = seen[hash], !(earlier.file == fileIndex && earlier.index + window > i) {
                        let other = files[earlier.file].values
                        var back = 0
                        while i - back > skipUntil, earlier.index - back > 0, v[i - back - 1] == other[earlier.index - back - 1],
                              !(earlier.file == fileIndex && earlier.index + window > i - back - 1) {
                            back += 1
                        }
                        let start = i - back
                        let otherStart = earlier.index - back
                        var length = 0
                        while start + length < v.count, otherStart + length < other.count,
                              v[start + length] == other[otherStart + length],
                              !(earlier.file == fileIndex && otherStart + length >= start) {
                            length += 1
                        }
                        if length >= window {
                            let startLine = Int(file.lines[start])
                            let endLine = Int(file.lines[start + length - 1])
                            if endLine - startLine + 1 >= minLines {
                                let first = files[earlier.file]
                                let otherLine = Int(first.lines[otherStart])
                                smells.append(Smell(
                                    kind: .duplicatedBlock, file: file.path, line: startLine, endLine: endLine,
                                    message: "lines \(startLine)–\(endLine) repeat \(first.path):\(otherLine); extract the shared code",
                                    remediationMinutes: 15 + (endLine - startLine + 1) / 5))
                            }
                            skipUntil = start + length
                        }
                    } else if seen[hash] == nil {
                        seen[hash] = (fileIndex, i)
                    }
                }
                if i + window >= v.count { break }
                hash = (hash &- v[i] &* power) &* base &+ v[i + window]
                i += 1
            }
        }
        return smells
    }
}
