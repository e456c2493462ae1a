import Foundation
import VantageCore

/// Samples /proc every `interval` and publishes what it sees on the bus:
/// `.systemSampled` and `.projectsSampled` each tick, `.stateChanged` when a project starts or
/// stops running. It answers `.refresh` (sample now) and `.shutdown` (stop), and follows
/// `.scanned` events so newly found projects are watched.
public actor Monitor {
    private let bus: Bus
    private let clock: any VantageClock
    private let interval: Duration
    private let sampler: MonitorSampler
    private var states: [ProjectID: RunState] = [:]
    /// What a supervisor last said of each project (its `.stateChanged` reports): the monitor's
    /// guess between stopped and external is not published when it tells nothing beside it.
    private var supervisorWord: [ProjectID: RunState] = [:]
    private var primed = false
    private var lastSampled: Date?
    /// A `.refresh` closer than this to the last sample is ignored: the figures are fresh, and
    /// rates over a few milliseconds would only show the 10 ms granularity of CPU accounting.
    public static let minimumRefreshGap: Duration = .milliseconds(250)

    public init(bus: Bus, clock: any VantageClock, projects: [Project], interval: Duration = .seconds(1), procRoot: String = "/proc",
                sysRoot: String = "/sys") {
        self.bus = bus
        self.clock = clock
        self.interval = interval
        sampler = MonitorSampler(projects: projects, procRoot: procRoot, sysRoot: sysRoot)
        for p in projects { states[p.id] = .stopped }
    }

    /// Runs until `.shutdown` arrives, the bus closes, or the task is cancelled.
    public func run() async {
        let commands = bus.commands([.refresh, .listProcesses, .shutdown])
        let events = bus.events([.scanned, .stateChanged], capacity: 1024)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [weak self] in
                await self?.tickLoop()
            }
            group.addTask { [weak self] in
                for await command in commands {
                    switch command {
                    case .refresh: await self?.refresh()
                    case .listProcesses(let project): await self?.publishProcessTree(of: project)
                    case .shutdown: return
                    default: continue
                    }
                }
            }
            group.addTask { [weak self] in
                for await event in events {
                    switch event {
                    case .scanned(_, let projects): await self?.updateProjects(projects)
                    case let .stateChanged(project, from, to): await self?.heard(project, from: from, to: to)
                    default: continue
                    }
                }
            }
            // The first child to finish (shutdown, closed bus) ends the others.
            await group.next()
            group.cancelAll()
        }
    }

    /// Watch this list of projects from the next tick on (when a scan finishes).
    public func updateProjects(_ projects: [Project]) {
        sampler.updateProjects(projects)
        var next: [ProjectID: RunState] = [:]
        for p in projects { next[p.id] = states[p.id] ?? .stopped }
        states = next
    }

    /// Samples now and publishes the results; also returns them.
    @discardableResult
    public func sampleNow() -> (system: SystemSample, projects: [ProjectSample]) {
        let now = clock.now
        let result = sampler.sample(at: now)
        primed = true
        lastSampled = now
        bus.publish(.systemSampled(result.system))
        bus.publish(.projectsSampled(result.projects))
        for sample in result.projects {
            let before = states[sample.project] ?? .stopped
            if before != sample.state {
                states[sample.project] = sample.state
                // After a supervised stop the processes are gone and the supervisor has said so: the
                // monitor's "external → stopped" would only be a second, wrong-looking entry.
                if supervisorWord[sample.project]?.hidesGuess(from: before, to: sample.state) == true { continue }
                bus.publish(.stateChanged(project: sample.project, from: before, to: sample.state))
            }
        }
        return result
    }

    /// A state change on the bus: a supervisor's report is remembered (the monitor's own guesses,
    /// which come back here too, are not).
    func heard(_ project: ProjectID, from: RunState, to: RunState) {
        guard !RunState.isGuess(from: from, to: to) else { return }
        supervisorWord[project] = to
    }

    /// What a supervisor last said of `project`, as heard on the bus.
    func supervisorState(of project: ProjectID) -> RunState? { supervisorWord[project] }

    /// Samples now unless the last sample is younger than `minimumRefreshGap`.
    public func refresh() {
        if let lastSampled, clock.since(lastSampled) < Self.minimumRefreshGap { return }
        sampleNow()
    }

    /// Publishes `project`'s processes as the last tick saw them (`Command.listProcesses`; the
    /// process view asks again at every tick while it is open).
    public func publishProcessTree(of project: ProjectID) {
        if !primed { sampleNow() }
        bus.publish(.processes(sampler.processTree(of: project, at: clock.now)))
    }

    /// The current state of each watched project, as last published.
    public func currentStates() -> [ProjectID: RunState] { states }

    private func prime() {
        _ = sampler.sample(at: clock.now)
        primed = true
    }

    private func tickLoop() async {
        // A first read to have something to compute rates against, then the first published
        // sample soon after, then one every interval, on a schedule that does not drift.
        if !primed { prime() }
        let firstWait = min(interval, .milliseconds(250))
        var deadline = clock.now.addingTimeInterval(firstWait.seconds)
        while !Task.isCancelled {
            // Never longer than one interval, even if the wall clock was set back meanwhile.
            let wait = min(interval, .seconds(max(0, deadline.timeIntervalSince(clock.now))))
            do { try await clock.sleep(for: wait) } catch { return }
            sampleNow()
            deadline = deadline.addingTimeInterval(interval.seconds)
            let now = clock.now
            // Fell behind (skip, don't burst), or the wall clock went back: the next tick one interval from now.
            if deadline < now || deadline.timeIntervalSince(now) > interval.seconds { deadline = now.addingTimeInterval(interval.seconds) }
        }
    }

    /// One fresh reading for `vantage status`: two reads `window` apart, so rates are real.
    public static func sampleOnce(projects: [Project], procRoot: String = "/proc",
                                  window: Duration = .milliseconds(250)) async -> (SystemSample, [ProjectSample]) {
        // Real time on purpose: the rates are the kernel's counters over a real window.
        let sampler = MonitorSampler(projects: projects, procRoot: procRoot)
        _ = sampler.sample(at: Date())
        try? await Task.sleep(for: window)
        let result = sampler.sample(at: Date())
        return (result.system, result.projects)
    }
}
