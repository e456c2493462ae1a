import Foundation
import VantageCore
import VantageFormats
import VantageProbes
#if canImport(Glibc)
import Glibc
#endif

/// Under memory or CPU pressure, throttles lower-priority projects before higher ones (background,
/// then normal; critical never), pausing background projects that allow it. Every action is a recorded
/// decision and is reversed when the pressure ends.
enum PressureGovernor {
    struct State: Sendable {
        var underPressure = false
        /// How far throttling has gone: 0 none, 1 background, 2 background and normal.
        var level = 0
    }

    /// Machine readings: used memory share and busy CPU share, 0...1.
    struct Reading: Sendable { var memory: Double; var cpu: Double }

    /// The share of memory in use (1 − MemAvailable / MemTotal).
    static func memoryShare(_ memory: MemoryInfo) -> Double {
        1 - Double(memory.availableBytes) / Double(max(1, memory.totalBytes))
    }
}

extension Supervisor {
    func applyPressurePolicy() {
        let proc = ProcReader(maxOpenStatFiles: 0)
        let memory = proc.memory().map(PressureGovernor.memoryShare) ?? 0
        var cpu = 0.0
        if let now = proc.cpuStat()?.all {
            if let last = lastSystemCPU, now.total > last.total { cpu = now.busyPercent(since: last) / 100 }
            lastSystemCPU = now
        }
        applyPressure(PressureGovernor.Reading(memory: memory, cpu: cpu))
    }

    /// Decides from one reading (the monitor passes real readings; tests pass their own).
    func applyPressure(_ reading: PressureGovernor.Reading) {
        let t = options.pressure
        let over = reading.memory > t.memory || reading.cpu > t.cpu
        let clear = reading.memory < t.memory - t.margin && reading.cpu < t.cpu - t.margin
        let why = String(format: "memory %.0f%%, cpu %.0f%%", reading.memory * 100, reading.cpu * 100)
        if over {
            pressure.underPressure = true
            guard pressure.level < 2 else { return }
            pressure.level += 1
            let targets: PriorityLevel = pressure.level == 1 ? .background : .normal
            for id in projects.keys.sorted() {
                guard var mp = projects[id], mp.config.priority == targets, [.running, .ready].contains(mp.state),
                      !mp.throttled, !mp.paused, let cg = mp.cgroup else { continue }
                if mp.config.priority == .background && mp.config.pauseUnderPressure {
                    if cg.freeze(true) {
                        mp.paused = true
                        projects[id] = mp
                        recordDecision(id, "\(mp.name): paused under pressure (\(why))")
                        bus.publish(.throttled(project: id, reason: "paused under pressure (\(why))"))
                    }
                } else {
                    let quota = min(t.throttledCPU, mp.effectiveLimits.cpus ?? .infinity)
                    cg.setCPUQuota(quota)
                    mp.throttled = true
                    projects[id] = mp
                    recordDecision(id, "\(mp.name): CPU cut to \(quota) core under pressure (\(why))")
                    bus.publish(.throttled(project: id, reason: "CPU cut to \(quota) core under pressure (\(why))"))
                }
            }
        } else if clear && pressure.underPressure {
            pressure = PressureGovernor.State()
            for id in projects.keys.sorted() {
                guard var mp = projects[id], mp.throttled || mp.paused else { continue }
                if mp.paused { mp.cgroup?.freeze(false); recordDecision(id, "\(mp.name): resumed, pressure ended (\(why))") }
                if mp.throttled { mp.cgroup?.setCPUQuota(mp.effectiveLimits.cpus); recordDecision(id, "\(mp.name): CPU quota restored, pressure ended (\(why))") }
                mp.paused = false
                mp.throttled = false
                projects[id] = mp
                bus.publish(.throttled(project: id, reason: nil))
            }
        }
    }

    /// For tests and the TUI: apply one reading now.
    public func applyPressureReading(memory: Double, cpu: Double) {
        applyPressure(PressureGovernor.Reading(memory: memory, cpu: cpu))
    }
}
