import Foundation
import VantageCore

/// The history the Metrics pane draws for the machine: one bucket series per row, at the
/// resolution of the chosen window (`AppState.metricsWindow`).
public typealias SystemSeries = MetricHistory.SystemHistory

/// CPU and RSS history of one project (samples while it is up; a stopped project leaves a gap).
public typealias ProjectSeries = MetricHistory.ProjectHistory

extension BucketSeries {
    /// This series with the newer buckets of `live` added: stored history arriving after the
    /// first live samples keeps them.
    func followed(by live: BucketSeries) -> BucketSeries {
        guard bucketSeconds == live.bucketSeconds else { return self }
        var out = self
        let newest = isEmpty ? Int64.min : first + Int64(count) - 1
        for (i, value) in live.values.enumerated() {
            let bucket = live.first + Int64(i)
            guard bucket > newest, let value else { continue }
            out.add(value, at: Date(timeIntervalSince1970: (Double(bucket) + 0.5) * bucketSeconds))
        }
        return out
    }
}

extension SystemSeries {
    func followed(by live: SystemSeries) -> SystemSeries {
        var out = self
        out.cpu = cpu.followed(by: live.cpu)
        out.memory = memory.followed(by: live.memory)
        out.load = load.followed(by: live.load)
        out.network = network.followed(by: live.network)
        out.disk = disk.followed(by: live.disk)
        return out
    }
}

extension ProjectSeries {
    func followed(by live: ProjectSeries) -> ProjectSeries {
        ProjectSeries(cpu: cpu.followed(by: live.cpu), rss: rss.followed(by: live.rss))
    }
}
