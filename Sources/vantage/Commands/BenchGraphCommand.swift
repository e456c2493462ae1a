import ArgumentParser
import Foundation
import VantageCore
import VantageKnowledge
import VantageTUI

/// `vantage bench graph --nodes N --edges M [--seed S]`: the force layout's cost on a random
/// power-law graph. A tick is one simulation step (Barnes–Hut repulsion, springs, gravity);
/// a frame is a snapshot fitted onto a 120×40 braille grid. Target: ≤ 16 ms per tick at
/// 5,000 nodes and 15,000 edges on one core (build with `-c release`).
///
/// The headline figures are the CPU time of the measuring thread, so they mean "cost on one
/// core" even when other processes share the machine; the wall-clock figures follow.
struct BenchGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Time the knowledge-graph layout on a random power-law graph.")

    @Option(help: "Number of nodes.") var nodes: Int = 5_000
    @Option(help: "Number of edges.") var edges: Int = 15_000
    @Option(help: "Seed of the graph and the layout.") var seed: UInt64 = 1
    @Option(help: "Ticks to time.") var ticks: Int = 100
    @Option(help: "Frames to time.") var frames: Int = 30

    func validate() throws {
        guard nodes > 0 else { throw ValidationError("--nodes must be at least 1") }
        guard edges >= 0 else { throw ValidationError("--edges must be 0 or more") }
        guard ticks > 0, frames > 0 else { throw ValidationError("--ticks and --frames must be at least 1") }
    }

    func run() throws {
        let graph = PowerLawGraph.make(nodes: nodes, edges: edges, seed: seed)
        var params = ForceLayoutParameters()
        params.alphaMin = 0 // keep ticking for the whole measurement
        var layout = ForceLayout(seed: seed, parameters: params)
        layout.sync(with: graph)

        let clock = ContinuousClock()
        var cpuStart = threadCPUMilliseconds()
        let tickWall = clock.measure {
            for _ in 0..<ticks { layout.step() }
        }
        let tickCPU = threadCPUMilliseconds() - cpuStart
        var inked = 0
        cpuStart = threadCPUMilliseconds()
        let frameWall = clock.measure {
            for _ in 0..<frames {
                let rows = BrailleSketch.render(layout.snapshot(), columns: 120, rows: 40)
                inked &+= rows.count
            }
        }
        let frameCPU = threadCPUMilliseconds() - cpuStart
        // The Graph pane's own work: communities once per graph change, then per frame the
        // projection (kind filter, collapsed projects) and the GraphView drawn into a 120x40 buffer.
        cpuStart = threadCPUMilliseconds()
        let clusters = Communities.membership(graph)
        let clusterCPU = threadCPUMilliseconds() - cpuStart
        var frame = layout.snapshot()
        for i in frame.nodes.indices { frame.nodes[i].cluster = clusters[frame.nodes[i].id] ?? 0 }
        let collapsed = Set(frame.nodes.prefix(frame.nodes.count / 10).map(\.id))
        cpuStart = threadCPUMilliseconds()
        for _ in 0..<frames {
            let shown = GraphProjection.project(frame, kind: nil, collapsed: collapsed)
            var buffer = Buffer(width: 120, height: 40)
            GraphView(snapshot: shown.shown, glyphs: .unicode).render(area: buffer.area, buffer: &buffer)
            inked &+= buffer.height - 40
        }
        let paneCPU = threadCPUMilliseconds() - cpuStart
        print("graph: \(WorkText.count(graph.nodes.count, "node")), \(WorkText.count(graph.edges.count, "edge")), seed \(seed), \(ticks) ticks, \(frames) frames of 120x40")
        print(String(format: "ms per tick: %.2f", tickCPU / Double(ticks)))
        print(String(format: "ms per frame: %.2f", frameCPU / Double(frames)))
        print(String(format: "ms per pane frame (projection + GraphView): %.2f", paneCPU / Double(frames)))
        print(String(format: "ms for clusters (Louvain, once per change): %.2f", clusterCPU))
        print(String(format: "wall ms per tick: %.2f", milliseconds(tickWall) / Double(ticks)))
        print(String(format: "wall ms per frame: %.2f", milliseconds(frameWall) / Double(frames)))
        if inked != frames * 40 { print("warning: a frame came out the wrong size") }
    }

    /// CPU time used so far by the calling thread.
    private func threadCPUMilliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1_000 + Double(t.tv_nsec) / 1e6
    }

    private func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15
    }
}
