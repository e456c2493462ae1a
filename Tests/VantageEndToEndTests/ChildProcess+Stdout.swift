import VantageCore

/// The end-to-end tests read what a command printed on standard output (they run it with
/// standard error discarded).
extension ChildProcess.Result {
    var stdout: String { output }
}
