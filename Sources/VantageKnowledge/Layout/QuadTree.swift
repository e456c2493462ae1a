/// A Barnes–Hut quadtree over a set of points, stored in flat arrays and rebuilt every tick.
/// Each cell knows its total mass and centre of mass; a leaf holds a chain of bodies (more
/// than one only when points coincide or the depth limit is reached).
struct QuadTree {
    // Per cell.
    private(set) var centreX: [Double] = []
    private(set) var centreY: [Double] = []
    private(set) var halfSize: [Double] = []
    private(set) var massX: [Double] = []   // sum of mass * x, then the centre of mass
    private(set) var massY: [Double] = []
    private(set) var mass: [Double] = []
    /// Index of the first of four children, or -1 for a leaf.
    private(set) var firstChild: [Int32] = []
    /// First body of a leaf's chain, or -1.
    private(set) var body: [Int32] = []
    // Per body.
    private(set) var nextBody: [Int32] = []

    static let maxDepth = 32

    var cellCount: Int { mass.count }

    mutating func build(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>) {
        let n = x.count
        centreX.removeAll(keepingCapacity: true); centreY.removeAll(keepingCapacity: true)
        halfSize.removeAll(keepingCapacity: true); massX.removeAll(keepingCapacity: true)
        massY.removeAll(keepingCapacity: true); mass.removeAll(keepingCapacity: true)
        firstChild.removeAll(keepingCapacity: true); body.removeAll(keepingCapacity: true)
        nextBody = Array(repeating: -1, count: n)
        guard n > 0 else { return }
        var minX = x[0], maxX = x[0], minY = y[0], maxY = y[0]
        for i in 1..<n {
            minX = min(minX, x[i]); maxX = max(maxX, x[i])
            minY = min(minY, y[i]); maxY = max(maxY, y[i])
        }
        let half = max(maxX - minX, maxY - minY, 1e-6) / 2 * 1.0001
        addCell(cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: half)
        for i in 0..<n { insert(Int32(i), x: x[i], y: y[i], xs: x, ys: y) }
        // Turn mass-weighted sums into centres of mass, children before parents (children have larger indices).
        for c in stride(from: cellCount - 1, through: 0, by: -1) {
            if firstChild[c] >= 0 {
                let f = Int(firstChild[c])
                var m = 0.0, sx = 0.0, sy = 0.0
                for k in f..<(f + 4) where mass[k] > 0 {
                    m += mass[k]; sx += massX[k] * mass[k]; sy += massY[k] * mass[k]
                }
                mass[c] = m
                if m > 0 { massX[c] = sx / m; massY[c] = sy / m }
            } else if mass[c] > 0 {
                massX[c] /= mass[c]; massY[c] /= mass[c]
            }
        }
    }

    private mutating func addCell(cx: Double, cy: Double, half: Double) {
        centreX.append(cx); centreY.append(cy); halfSize.append(half)
        massX.append(0); massY.append(0); mass.append(0)
        firstChild.append(-1); body.append(-1)
    }

    private mutating func insert(_ b: Int32, x bx: Double, y by: Double,
                                 xs: UnsafeBufferPointer<Double>, ys: UnsafeBufferPointer<Double>) {
        var c = 0
        var depth = 0
        while true {
            if firstChild[c] >= 0 {
                c = Int(firstChild[c]) + quadrant(c, bx, by)
                depth += 1
                continue
            }
            if body[c] < 0 { // empty leaf
                body[c] = b; mass[c] = 1; massX[c] = bx; massY[c] = by
                return
            }
            let other = Int(body[c])
            if depth >= Self.maxDepth || (xs[other] == bx && ys[other] == by) {
                // Coincident points (or too deep): chain the body into this leaf.
                nextBody[Int(b)] = body[c]; body[c] = b
                mass[c] += 1; massX[c] += bx; massY[c] += by
                return
            }
            // Split: move the leaf's chain into four children, then keep descending.
            let h = halfSize[c] / 2
            let first = Int32(cellCount)
            firstChild[c] = first
            let cx = centreX[c], cy = centreY[c]
            addCell(cx: cx - h, cy: cy - h, half: h)
            addCell(cx: cx + h, cy: cy - h, half: h)
            addCell(cx: cx - h, cy: cy + h, half: h)
            addCell(cx: cx + h, cy: cy + h, half: h)
            var moving = body[c]
            body[c] = -1; mass[c] = 0; massX[c] = 0; massY[c] = 0
            while moving >= 0 {
                let m = Int(moving)
                let next = nextBody[m]
                let child = Int(first) + quadrant(c, xs[m], ys[m])
                nextBody[m] = body[child]; body[child] = moving
                mass[child] += 1; massX[child] += xs[m]; massY[child] += ys[m]
                moving = next
            }
            c = Int(first) + quadrant(c, bx, by)
            depth += 1
        }
    }

    @inline(__always)
    private func quadrant(_ c: Int, _ x: Double, _ y: Double) -> Int {
        (x >= centreX[c] ? 1 : 0) + (y >= centreY[c] ? 2 : 0)
    }

    /// Adds to (fx, fy) the repulsion every other body exerts on body `i` at (x, y):
    /// `strength / distance` along the line between them, with far cells (size / distance < theta)
    /// taken as one body at their centre of mass. `stack` is scratch space.
    func repulsion(on i: Int, x: Double, y: Double, strength: Double, theta2: Double, minDistance2: Double,
                   xs: UnsafeBufferPointer<Double>, ys: UnsafeBufferPointer<Double>,
                   stack: inout [Int32], fx: inout Double, fy: inout Double) {
        guard cellCount > 0 else { return }
        stack.removeAll(keepingCapacity: true)
        stack.append(0)
        while let top = stack.popLast() {
            let c = Int(top)
            let m = mass[c]
            if m == 0 { continue }
            let fc = firstChild[c]
            if fc < 0 {
                var b = body[c]
                while b >= 0 {
                    let j = Int(b)
                    if j != i {
                        accumulate(dx: x - xs[j], dy: y - ys[j], mass: 1, i: i, j: j,
                                   strength: strength, minDistance2: minDistance2, fx: &fx, fy: &fy)
                    }
                    b = nextBody[j]
                }
                continue
            }
            let dx = x - massX[c], dy = y - massY[c]
            let d2 = dx * dx + dy * dy
            let size = halfSize[c] * 2
            if size * size < theta2 * d2 {
                accumulate(dx: dx, dy: dy, mass: m, i: i, j: -1, strength: strength,
                           minDistance2: minDistance2, fx: &fx, fy: &fy)
            } else {
                let f = fc
                stack.append(f); stack.append(f + 1); stack.append(f + 2); stack.append(f + 3)
            }
        }
    }

    @inline(__always)
    private func accumulate(dx: Double, dy: Double, mass: Double, i: Int, j: Int, strength: Double,
                            minDistance2: Double, fx: inout Double, fy: inout Double) {
        var dx = dx, dy = dy
        var d2 = dx * dx + dy * dy
        if d2 < 1e-12 {
            // Coincident: push apart along a direction fixed by the pair, so it stays deterministic.
            let angle = Double((i &* 7919 &+ j &* 104_729) % 360) * .pi / 180
            dx = cos(angle) * 1e-3; dy = sin(angle) * 1e-3
            d2 = 1e-6
        }
        // strength * mass / d, along the unit vector: strength * mass * (dx, dy) / d².
        let k = strength * mass / max(d2, minDistance2)
        fx += dx * k
        fy += dy * k
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
