/// A styled line broken into rows at spaces, each piece keeping its style: the first row starts at
/// the left edge, the rows after it are indented by `indent` columns (under the text, past a time
/// column). At most `maxRows` rows; what does not fit ends the last row with `ellipsis`.
extension StyledLine {
    public func wrapped(width: Int, indent: Int = 2, maxRows: Int = 3, ellipsis: String = "…") -> [StyledLine] {
        guard width > 0, maxRows > 0 else { return [] }
        let indent = max(0, min(indent, width / 2))
        var rows: [[Span]] = [[]]
        var used = 0
        var cut = false
        func limit() -> Int { rows.count == 1 ? width : width - indent }
        func newRow() -> Bool {
            guard rows.count < maxRows else { cut = true; return false }
            rows.append(indent > 0 ? [Span(String(repeating: " ", count: indent))] : [])
            used = 0
            return true
        }
        words: for (gap, word, style) in tokens {
            var w = word, ww = DisplayWidth.of(w)
            let spaces = used == 0 ? 0 : gap
            if used + spaces + ww <= limit() {
                if spaces > 0 { rows[rows.count - 1].append(Span(String(repeating: " ", count: spaces), style)) }
                rows[rows.count - 1].append(Span(w, style))
                used += spaces + ww
                continue
            }
            if used > 0 { guard newRow() else { break words } }
            // A word wider than a row is cut across rows.
            while ww > limit() {
                let head = Formatting.fittingPrefix(w, width: limit())
                let piece = head.isEmpty ? String(w.prefix(1)) : head
                rows[rows.count - 1].append(Span(piece, style))
                w = String(w.dropFirst(piece.count)); ww = DisplayWidth.of(w)
                guard newRow() else { break words }
            }
            rows[rows.count - 1].append(Span(w, style))
            used = ww
        }
        var lines = rows.map { StyledLine($0) }
        if cut, var last = lines.popLast() {
            // Room for the ellipsis at the end of the last row (its spans include the indent).
            let room = width - DisplayWidth.of(ellipsis)
            var kept: [Span] = [], total = 0
            for span in last.spans {
                let sw = DisplayWidth.of(span.text)
                if total + sw <= room { kept.append(span); total += sw; continue }
                let part = Formatting.fittingPrefix(span.text, width: max(0, room - total))
                if !part.isEmpty { kept.append(Span(part, span.style)) }
                break
            }
            kept.append(Span(ellipsis, kept.last?.style ?? .plain))
            last.spans = kept
            lines.append(last)
        }
        return lines
    }

    /// The line's words with the spaces before each and its style (a padded column keeps its spaces).
    private var tokens: [(gap: Int, word: String, style: CellStyle)] {
        var out: [(Int, String, CellStyle)] = []
        var gap = 0
        for span in spans {
            var word = ""
            for c in span.text {
                if c == " " {
                    if !word.isEmpty { out.append((gap, word, span.style)); word = ""; gap = 0 }
                    gap += 1
                } else {
                    word.append(c)
                }
            }
            if !word.isEmpty { out.append((gap, word, span.style)); gap = 0 }
        }
        return out
    }
}
