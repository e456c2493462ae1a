import Foundation
import VantageCore
import VantageProbes
#if canImport(Glibc)
import Glibc
#endif

/// The process view's signal chooser (`Command.signal`): one signal to one process of a project,
/// never to a process outside it; the outcome, sent or why not, goes back as `Event.signalSent`
/// and on the timeline.
extension Supervisor {
    func sendSignal(_ signal: ProcessSignal, to pid: Int32, of id: ProjectID) {
        guard let mp = projects[id] else { return }
        let command = ProcessLookup.commandLine(pid) ?? ""
        let failure: String?
        if pid <= 1 || pid == getpid() {
            failure = "\(pid) is not a process of \(mp.name)"
        } else if !belongs(pid, to: mp) {
            failure = ProcessLookup.stat(pid) == nil ? Self.words(for: ESRCH) : "process \(pid) is not one of \(mp.name)'s (its folder is not \(mp.project.path))"
        } else if kill(pid, Self.number(of: signal)) != 0 {
            failure = Self.words(for: errno)
        } else {
            failure = nil
        }
        let report = SignalReport(project: id, pid: pid, signal: signal, command: command, failure: failure)
        bus.publish(.signalSent(report))
        bus.publish(.timeline(TimelineEntry(time: clock.now, kind: failure == nil ? .decision : .error, project: id,
                                            text: "\(mp.name): \(report.summary)")))
    }

    /// A process of the project: one the supervisor runs (its process groups, its cgroup, its
    /// marker), or, for a project started outside Vantage, one working in the project's folder, as
    /// the monitor counts it.
    func belongs(_ pid: Int32, to mp: ManagedProject) -> Bool {
        if remainingProcesses(mp).contains(pid) { return true }
        guard let cwd = ProcessLookup.cwd(pid) else { return false }
        var folder = ProjectAttribution(paths: [mp.project.path])
        return folder.project(forDirectory: cwd) != nil
    }

    static func number(of signal: ProcessSignal) -> Int32 {
        switch signal {
        case .term: SIGTERM
        case .int: SIGINT
        case .hup: SIGHUP
        case .kill: SIGKILL
        case .usr1: SIGUSR1
        case .usr2: SIGUSR2
        }
    }

    /// `kill(2)`'s errors in words.
    static func words(for error: Int32) -> String {
        switch error {
        case ESRCH: "no such process: it has already exited"
        case EPERM: "not permitted: the process belongs to another user (or is protected)"
        case EINVAL: "the system does not know this signal"
        default: String(cString: strerror(error))
        }
    }
}
