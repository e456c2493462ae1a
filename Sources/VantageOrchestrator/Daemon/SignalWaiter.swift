import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Waits for one of the signals (blocked for the default handling, delivered through a dispatch source).
public final class SignalWaiter: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let signals: [Int32]
    public init(_ signals: [Int32]) { self.signals = signals }

    public func wait() async -> Int32 {
        await withCheckedContinuation { (c: CheckedContinuation<Int32, Never>) in
            let once = OnceFlag()
            for s in signals {
                signal(s, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: s, queue: .global())
                source.setEventHandler { if once.set() { c.resume(returning: s) } }
                source.resume()
                sources.append(source)
            }
        }
    }
}

final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func set() -> Bool { lock.lock(); defer { lock.unlock() }; if done { return false }; done = true; return true }
}
