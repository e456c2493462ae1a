import VantageCore

/// A plain braille rendering of a snapshot: the layout fitted into `columns` × `rows` cells of
/// 2×4 dots, edges drawn as lines and nodes as dots. Used by `vantage bench graph` to measure
/// a frame and by tests; the TUI's Graph pane has its own renderer with colours and labels.
public enum BrailleSketch {
    /// One string per row, each exactly `columns` braille characters (U+2800 is a blank cell).
    public static func render(_ snapshot: GraphSnapshot, columns: Int, rows: Int) -> [String] {
        let width = max(columns, 1) * 2, height = max(rows, 1) * 4
        var dots = [UInt8](repeating: 0, count: max(columns, 1) * max(rows, 1))
        let project = fit(snapshot, width: width, height: height)
        let points = snapshot.nodes.map { project($0.x, $0.y) }

        func plot(_ px: Int, _ py: Int) {
            guard px >= 0, py >= 0, px < width, py < height else { return }
            // Braille dot bits: column 0 rows 0-2 = 0x01,0x02,0x04, row 3 = 0x40; column 1 = 0x08,0x10,0x20, 0x80.
            let bit: UInt8
            switch (px & 1, py & 3) {
            case (0, 0): bit = 0x01
            case (0, 1): bit = 0x02
            case (0, 2): bit = 0x04
            case (0, _): bit = 0x40
            case (_, 0): bit = 0x08
            case (_, 1): bit = 0x10
            case (_, 2): bit = 0x20
            default: bit = 0x80
            }
            dots[(py >> 2) * columns + (px >> 1)] |= bit
        }

        for edge in snapshot.edges where edge.from < points.count && edge.to < points.count {
            line(points[edge.from], points[edge.to], plot)
        }
        for p in points { plot(p.0, p.1) }

        var result: [String] = []
        result.reserveCapacity(rows)
        for r in 0..<rows {
            var s = String.UnicodeScalarView()
            for c in 0..<columns { s.append(Unicode.Scalar(0x2800 + UInt32(dots[r * columns + c]))!) }
            result.append(String(s))
        }
        return result
    }

    /// Maps layout coordinates to dot coordinates, keeping the aspect ratio (a dot is about
    /// twice as tall as wide on a terminal, which the 2×4 grid already accounts for).
    static func fit(_ snapshot: GraphSnapshot, width: Int, height: Int) -> (Double, Double) -> (Int, Int) {
        guard let first = snapshot.nodes.first else { return { _, _ in (0, 0) } }
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for n in snapshot.nodes {
            minX = min(minX, n.x); maxX = max(maxX, n.x); minY = min(minY, n.y); maxY = max(maxY, n.y)
        }
        let spanX = max(maxX - minX, 1e-9), spanY = max(maxY - minY, 1e-9)
        let scale = min(Double(width - 1) / spanX, Double(height - 1) / spanY)
        let offX = (Double(width - 1) - spanX * scale) / 2, offY = (Double(height - 1) - spanY * scale) / 2
        return { x, y in
            let px = ((x - minX) * scale + offX)
            let py = ((y - minY) * scale + offY)
            return (px.isFinite ? Int(px.rounded()) : 0, py.isFinite ? Int(py.rounded()) : 0)
        }
    }

    /// Bresenham's line between two dot positions.
    static func line(_ a: (Int, Int), _ b: (Int, Int), _ plot: (Int, Int) -> Void) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), sx = x0 < x1 ? 1 : -1
        let dy = -abs(y1 - y0), sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            plot(x0, y0)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
        }
    }
}
