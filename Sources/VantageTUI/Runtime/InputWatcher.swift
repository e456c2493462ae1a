import CNcursesw
import Foundation
import Synchronization

/// A dedicated OS thread that only waits (poll(2)) for stdin to become readable and says so. It
/// never calls ncurses: the main actor drains the keys, then calls `drained()` so the thread
/// waits again (otherwise poll would report the same bytes over and over). Its wake-up at least
/// once a second is also the tick at which `tick` runs (the config files' stat check), so watching
/// them adds no wake-up of its own.
final class InputWatcher: Sendable {
    private let fd: Int32
    private let stopping = Atomic<Bool>(false)
    private let drainedSignal = DispatchSemaphore(value: 0)

    init(fd: Int32 = STDIN_FILENO) { self.fd = fd }

    /// Starts the thread. `ready` runs on the thread when input is waiting; `hangup` when the
    /// terminal went away (stdin closed or errored); `tick` at most once a second, on the thread.
    func start(ready: @escaping @Sendable () -> Void, hangup: @escaping @Sendable () -> Void,
               tick: @escaping @Sendable () -> Void = {}) {
        let thread = Thread { [self] in
            var lastTick = ContinuousClock.now
            while !stopping.load(ordering: .acquiring) {
                if ContinuousClock.now - lastTick >= .seconds(1) {
                    lastTick = .now
                    tick()
                }
                switch vt_wait_readable(fd, 1000) {  // wakes once a second at most when idle
                case 1:
                    ready()
                    while drainedSignal.wait(timeout: .now() + .milliseconds(1000)) == .timedOut {
                        if stopping.load(ordering: .acquiring) { return }
                    }
                case 0:
                    continue
                default:
                    if !stopping.load(ordering: .acquiring) { hangup() }
                    return
                }
            }
        }
        thread.name = "vantage-input"
        thread.start()
    }

    /// The main actor read everything that was waiting.
    func drained() { drainedSignal.signal() }

    func stop() {
        stopping.store(true, ordering: .releasing)
        drainedSignal.signal()
    }
}
