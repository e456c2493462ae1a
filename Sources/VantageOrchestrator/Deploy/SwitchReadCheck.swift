import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Switches a link back and forth between two folders while another thread keeps opening and
/// reading a file through it, and counts the reads that failed. This is the measurement behind
/// "0 failed reads in 2,000 switches" (issue 17 §2), used by its test and `vantage bench deploy-switch`.
public enum SwitchReadCheck {
    public struct Outcome: Sendable, Equatable {
        public var switches: Int
        public var reads: Int
        public var failedReads: Int
    }

    /// `link` is switched `switches` times between `first` and `second` (link texts) with `change`;
    /// the reader reads `link/file` until the switching is over.
    public static func run(link: String, between first: String, and second: String, file: String, switches: Int,
                           change: (String, String) throws(VantageError) -> Void) throws(VantageError) -> Outcome {
        let counts = ReadCounts()
        let path = link + "/" + file
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 256)
            while !counts.stopped {
                let fd = open(path, O_RDONLY)
                let count = fd >= 0 ? read(fd, &buffer, buffer.count) : -1
                if fd >= 0 { close(fd) }
                counts.record(failed: count <= 0)
            }
            counts.finish()
        }
        reader.start()
        // The reader must be reading before the first switch.
        while counts.total == 0 { usleep(100) }
        do throws(VantageError) {
            for n in 0 ..< switches {
                try change(link, n % 2 == 0 ? second : first)
            }
        } catch {
            counts.stop()
            counts.waitFinished()
            throw error
        }
        counts.stop()
        counts.waitFinished()
        return Outcome(switches: switches, reads: counts.total, failedReads: counts.failed)
    }
}

private final class ReadCounts: @unchecked Sendable {
    private let lock = NSCondition()
    private var _total = 0, _failed = 0, _stopped = false, _finished = false

    var total: Int { lock.withLock { _total } }
    var failed: Int { lock.withLock { _failed } }
    var stopped: Bool { lock.withLock { _stopped } }

    func record(failed: Bool) {
        lock.withLock {
            _total += 1
            if failed { _failed += 1 }
        }
    }

    func stop() { lock.withLock { _stopped = true } }

    func finish() {
        lock.withLock {
            _finished = true
            lock.broadcast()
        }
    }

    func waitFinished() {
        lock.lock()
        while !_finished { lock.wait() }
        lock.unlock()
    }
}
