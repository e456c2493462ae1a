import VantageCore

/// What the terminal runtime drives: the App. The runtime owns ncurses and the loop; the program
/// owns state. Each `handle` returns whether anything visible changed, so an idle screen costs
/// nothing. `view` is pure.
@MainActor
public protocol TerminalProgram: AnyObject {
    /// A key was pressed. Returns true when the screen must be repainted.
    func handle(key: KeyPress) -> Bool
    /// A message from an actor arrived. Returns true when the screen must be repainted.
    func handle(event: Event) -> Bool
    /// Messages from actors that arrived together, oldest first. Returns true when the screen must
    /// be repainted.
    func handle(events: [Event]) -> Bool
    /// The terminal was resized.
    func resized(to size: Size)
    /// Draws the whole screen into a fresh buffer of the terminal's size.
    func view(size: Size) -> Buffer
    /// Commands produced by the last `handle` calls, drained by the runtime and sent to the bus.
    func takeCommands() -> [Command]
    /// The theme to resolve colours with (changes when the user toggles dark/light).
    var theme: Theme { get }
    var shouldQuit: Bool { get }
    /// A click or wheel turn. Returns true when the screen must be repainted.
    func handle(mouse: MouseEvent) -> Bool
    /// Files whose edits the program reads again without a restart (theme, keymap).
    var watchedFiles: [String] { get }
    /// One of `watchedFiles` changed: read them again. Returns true when the screen must be repainted.
    func filesChanged() -> Bool
    /// Whether the last `handle` calls asked for the terminal's bell (an alert fired while the
    /// Troubleshooting pane is not on screen); reading it clears it.
    func takeBell() -> Bool
    /// A shell the user asked for (`!`), taken once by the runtime, which suspends the screen to run it.
    func takeShellRequest() -> ShellRequest?
    /// How the shell ended ("shell exited (status 0)", or why it could not start), for the footer.
    func shellEnded(_ notice: Notice)
}

extension TerminalProgram {
    public func takeShellRequest() -> ShellRequest? { nil }
    public func shellEnded(_ notice: Notice) {}

    public func handle(mouse: MouseEvent) -> Bool { false }
    public var watchedFiles: [String] { [] }
    public func filesChanged() -> Bool { false }
    public func takeBell() -> Bool { false }

    public func handle(events: [Event]) -> Bool {
        var changed = false
        for event in events where handle(event: event) { changed = true }
        return changed
    }
}
