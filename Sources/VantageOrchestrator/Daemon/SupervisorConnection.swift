import Foundation
import VantageCore

/// Whether a console attaches (a daemon or another console holds the supervisor lock of
/// `$VANTAGE_HOME`) or hosts the actors itself.
public enum SupervisorConnection: Sendable {
    /// Whether a supervisor (a daemon or another console) already runs for `$VANTAGE_HOME`.
    public static func isDaemonRunning(_ paths: VantagePaths) -> Bool { SupervisorLock.isHeld(paths) }
}
