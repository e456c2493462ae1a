#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Barnes–Hut quadtree over a set of points, stored as one flat array of cells and rebuilt
/// every tick. Each cell knows its total mass and centre of mass; a leaf holds a chain of bodies
/// (more than one only when points coincide or the depth limit is reached).
struct QuadTree {
    struct Cell {
        var centreX: Double
        var centreY: Double
        var halfSize: Double
        /// Sum of x (then, after `build`, the centre of mass).
        var massX: Double = 0
        var massY: Double = 0
        var mass: Double = 0
        /// Index of the first of four children, or -1 for a leaf.
        var firstChild: Int32 = -1
        /// First body of a leaf's chain, or -1.
        var body: Int32 = -1
    }

    private(set) var cells: [Cell] = []
    /// Next body in the same leaf, per body.
    private(set) var nextBody: [Int32] = []

    static let maxDepth = 32
    private static let stackCapacity = 4 * (maxDepth + 4)

    mutating func build(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>) {
        let n = x.count
        cells.removeAll(keepingCapacity: true)
        nextBody = Array(repeating: -1, count: n)
        guard n > 0 else { return }
        var minX = x[0], maxX = x[0], minY = y[0], maxY = y[0]
        for i in 1..<n {
            minX = min(minX, x[i]); maxX = max(maxX, x[i])
            minY = min(minY, y[i]); maxY = max(maxY, y[i])
        }
        let half = max(maxX - minX, maxY - minY, 1e-6) / 2 * 1.0001
        cells.append(Cell(centreX: (minX + maxX) / 2, centreY: (minY + maxY) / 2, halfSize: half))
        for i in 0..<n { insert(Int32(i), xs: x, ys: y) }
        // Turn sums into centres of mass, children before parents (children have larger indices).
        cells.withUnsafeMutableBufferPointer { cells in
            for c in stride(from: cells.count - 1, through: 0, by: -1) {
                let f = Int(cells[c].firstChild)
                if f >= 0 {
                    var m = 0.0, sx = 0.0, sy = 0.0
                    for k in f..<(f + 4) where cells[k].mass > 0 {
                        m += cells[k].mass; sx += cells[k].massX * cells[k].mass; sy += cells[k].massY * cells[k].mass
                    }
                    cells[c].mass = m
                    if m > 0 { cells[c].massX = sx / m; cells[c].massY = sy / m }
                } else if cells[c].mass > 0 {
                    cells[c].massX /= cells[c].mass; cells[c].massY /= cells[c].mass
                }
            }
        }
    }

    private mutating func insert(_ b: Int32, xs: UnsafeBufferPointer<Double>, ys: UnsafeBufferPointer<Double>) {
        let bx = xs[Int(b)], by = ys[Int(b)]
        var c = 0
        var depth = 0
        while true {
            if cells[c].firstChild >= 0 {
                c = Int(cells[c].firstChild) + quadrant(cells[c], bx, by)
                depth += 1
                continue
            }
            if cells[c].body < 0 { // empty leaf
                cells[c].body = b; cells[c].mass = 1; cells[c].massX = bx; cells[c].massY = by
                return
            }
            let other = Int(cells[c].body)
            if depth >= Self.maxDepth || (xs[other] == bx && ys[other] == by) {
                // Coincident points (or too deep): chain the body into this leaf.
                nextBody[Int(b)] = cells[c].body; cells[c].body = b
                cells[c].mass += 1; cells[c].massX += bx; cells[c].massY += by
                return
            }
            // Split: move the leaf's chain into four new children, then keep descending.
            let parent = cells[c]
            let h = parent.halfSize / 2
            let first = Int32(cells.count)
            cells[c].firstChild = first
            cells[c].body = -1; cells[c].mass = 0; cells[c].massX = 0; cells[c].massY = 0
            cells.append(Cell(centreX: parent.centreX - h, centreY: parent.centreY - h, halfSize: h))
            cells.append(Cell(centreX: parent.centreX + h, centreY: parent.centreY - h, halfSize: h))
            cells.append(Cell(centreX: parent.centreX - h, centreY: parent.centreY + h, halfSize: h))
            cells.append(Cell(centreX: parent.centreX + h, centreY: parent.centreY + h, halfSize: h))
            var moving = parent.body
            while moving >= 0 {
                let m = Int(moving)
                let next = nextBody[m]
                let child = Int(first) + quadrant(parent, xs[m], ys[m])
                nextBody[m] = cells[child].body; cells[child].body = moving
                cells[child].mass += 1; cells[child].massX += xs[m]; cells[child].massY += ys[m]
                moving = next
            }
            c = Int(first) + quadrant(parent, bx, by)
            depth += 1
        }
    }

    @inline(__always)
    private func quadrant(_ cell: Cell, _ x: Double, _ y: Double) -> Int {
        (x >= cell.centreX ? 1 : 0) + (y >= cell.centreY ? 2 : 0)
    }

    /// Adds to every body's velocity the repulsion of all the others, times `scale[i]`:
    /// `strength / distance` along the line between two bodies, with far cells
    /// (size / distance < theta) taken as one body at their centre of mass.
    func applyRepulsion(xs: UnsafeBufferPointer<Double>, ys: UnsafeBufferPointer<Double>,
                        vx: UnsafeMutableBufferPointer<Double>, vy: UnsafeMutableBufferPointer<Double>,
                        scale: UnsafeBufferPointer<Double>, strength: Double, theta2: Double, minDistance2: Double) {
        guard !cells.isEmpty else { return }
        let stack = UnsafeMutablePointer<Int32>.allocate(capacity: Self.stackCapacity)
        defer { stack.deallocate() }
        cells.withUnsafeBufferPointer { cells in
        nextBody.withUnsafeBufferPointer { nextBody in
            for i in 0..<xs.count {
                let x = xs[i], y = ys[i]
                var fx = 0.0, fy = 0.0
                var top = 0
                stack[0] = 0; top = 1
                while top > 0 {
                    top -= 1
                    let cell = cells[Int(stack[top])]
                    if cell.mass == 0 { continue }
                    if cell.firstChild < 0 {
                        var b = cell.body
                        while b >= 0 {
                            let j = Int(b)
                            if j != i {
                                Self.accumulate(dx: x - xs[j], dy: y - ys[j], mass: 1, pair: i &* 7919 &+ j &* 104_729,
                                                strength: strength, minDistance2: minDistance2, fx: &fx, fy: &fy)
                            }
                            b = nextBody[j]
                        }
                        continue
                    }
                    let dx = x - cell.massX, dy = y - cell.massY
                    let d2 = dx * dx + dy * dy
                    let size = cell.halfSize * 2
                    if size * size < theta2 * d2 || top + 4 > Self.stackCapacity {
                        Self.accumulate(dx: dx, dy: dy, mass: cell.mass, pair: i, strength: strength,
                                        minDistance2: minDistance2, fx: &fx, fy: &fy)
                    } else {
                        let f = cell.firstChild
                        stack[top] = f; stack[top + 1] = f + 1; stack[top + 2] = f + 2; stack[top + 3] = f + 3
                        top += 4
                    }
                }
                vx[i] += fx * scale[i]
                vy[i] += fy * scale[i]
            }
        }}
    }

    @inline(__always)
    private static func accumulate(dx: Double, dy: Double, mass: Double, pair: Int, strength: Double,
                                   minDistance2: Double, fx: inout Double, fy: inout Double) {
        var dx = dx, dy = dy
        var d2 = dx * dx + dy * dy
        if d2 < 1e-12 {
            // Coincident: push apart along a direction fixed by the pair, so it stays deterministic.
            let angle = Double(abs(pair % 360)) * .pi / 180
            dx = cos(angle) * 1e-3; dy = sin(angle) * 1e-3
            d2 = 1e-6
        }
        // strength * mass / d along the unit vector = strength * mass * (dx, dy) / d².
        let k = strength * mass / max(d2, minDistance2)
        fx += dx * k
        fy += dy * k
    }
}
