/// Cuts a rectangle into side-by-side columns or stacked rows by fractions; the last piece takes
/// whatever is left, so pieces always tile the rectangle exactly.
public enum Split {
    public static func columns(_ r: Rect, _ fractions: [Double]) -> [Rect] {
        sizes(total: r.width, fractions).map { Rect(x: r.x + $0.offset, y: r.y, width: $0.size, height: r.height) }
    }

    public static func rows(_ r: Rect, _ fractions: [Double]) -> [Rect] {
        sizes(total: r.height, fractions).map { Rect(x: r.x, y: r.y + $0.offset, width: r.width, height: $0.size) }
    }

    /// Cuts off `count` rows at the bottom: (rest, bottom).
    public static func bottom(_ r: Rect, _ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), r.height)
        return (Rect(x: r.x, y: r.y, width: r.width, height: r.height - n),
                Rect(x: r.x, y: r.bottom - n, width: r.width, height: n))
    }

    /// Cuts off `count` rows at the top: (top, rest).
    public static func top(_ r: Rect, _ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), r.height)
        return (Rect(x: r.x, y: r.y, width: r.width, height: n),
                Rect(x: r.x, y: r.y + n, width: r.width, height: r.height - n))
    }

    static func sizes(total: Int, _ fractions: [Double]) -> [(offset: Int, size: Int)] {
        var out: [(Int, Int)] = []
        var offset = 0
        for (i, f) in fractions.enumerated() {
            let size = i == fractions.count - 1 ? total - offset : min(total - offset, Int((Double(total) * f).rounded()))
            out.append((offset, max(0, size)))
            offset += max(0, size)
        }
        return out
    }
}
