import CTerminalRescue
import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Where a crash of the dashboard is reported, and the hidden trigger that makes one on purpose
/// to test that the terminal comes back (`VANTAGE_DEBUG_CRASH`, documented in the README).
///
/// The handlers themselves are C (`CTerminalRescue`), armed by `NcursesTerminal` once the screen
/// is set up and disarmed when it is closed.
enum CrashRescue {
    /// `$VANTAGE_HOME/crash-<pid>.txt`: written by the handler only if the dashboard crashes.
    static func reportPath(environment: [String: String]) -> String? {
        let paths = VantagePaths.fromEnvironment(environment)
        guard (try? paths.ensurePrivateHome()) != nil else { return nil }
        return paths.home + "/crash-\(getpid()).txt"
    }

    /// `VANTAGE_DEBUG_CRASH=segv|stack|trap|abort`: crash on the main thread this long after the
    /// first frame, by an invalid write, a stack overflow, a Swift runtime trap or abort().
    @MainActor
    static func scheduleDebugCrash(environment: [String: String], after delay: Duration = .milliseconds(500)) {
        guard let how = environment["VANTAGE_DEBUG_CRASH"], !how.isEmpty else { return }
        Task { @MainActor in
            try? await Task.sleep(for: delay)
            crash(how)
        }
    }

    @MainActor
    static func crash(_ how: String) {
        _ = vt_rescue_ensure_alternate_stack() // as drawing does on this thread
        switch how {
        case "segv":
            UnsafeMutablePointer<Int>(bitPattern: 16)!.pointee = Int(getpid())
        case "stack":
            print(overflow(Int(getpid())))
        case "abort":
            abort()
        default:
            fatalError("VANTAGE_DEBUG_CRASH=\(how): a crash on purpose")
        }
    }

    /// Recursion without end (the result is used, so it is not turned into a loop).
    @inline(never)
    static func overflow(_ n: Int) -> Int {
        var frame = [Int](repeating: n, count: 64)
        frame[n & 63] = overflow(n &+ 1)
        return frame[(n + 1) & 63] &+ frame.count
    }
}
