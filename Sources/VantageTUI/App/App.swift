import Foundation
import VantageCore

/// The dashboard program the runtime drives. It holds the state, the keymap, the dark and light
/// themes and the glyph set; keys go through the keymap into `Update.apply`, events go straight
/// in, and `view` is `AppView`. Commands wait in `takeCommands()` for the runtime to send.
@MainActor
public final class App: TerminalProgram {
    public private(set) var state: AppState
    /// The active keymap (kept in the state, so messages can name the keys).
    public var keymap: Keymap {
        get { state.keymap }
        set { state.keymap = newValue }
    }
    public var darkTheme: Theme
    public var lightTheme: Theme
    public var glyphs: GlyphSet
    /// Times on screen are shown in this zone (UTC in golden tests).
    public var timeZone: ClockZone
    /// No colours (`NO_COLOR`): the view marks what colour would tell apart in another way.
    public var monochrome = false
    public private(set) var size: Size?
    private var pending: [Command] = []

    /// - Parameters:
    ///   - roots, projects: an initial scan, if one is already known (otherwise `.scanned` fills it).
    ///   - keymap: the active keymap (defaults merged with preset and user file).
    ///   - darkTheme, lightTheme: the pair `t` switches between; `startVariant` picks the first one.
    ///   - glyphs: `.unicode` in UTF-8 locales, `.ascii` otherwise or with `--ascii`.
    ///   - now: the time "recent" is measured from until the first event carries a time.
    public init(roots: [String] = [], projects: [Project] = [], keymap: Keymap = .defaults,
                darkTheme: Theme = ThemeLoader.builtin("dark"), lightTheme: Theme = ThemeLoader.builtin("light"),
                startVariant: Theme.Variant = .dark, glyphs: GlyphSet = .unicode,
                timeZone: ClockZone = .system, now: Date, limits: AppState.Limits = AppState.Limits()) {
        var s = AppState(now: now, limits: limits)
        s.themeVariant = startVariant
        s.keymap = keymap
        if !projects.isEmpty || !roots.isEmpty {
            _ = Update.apply(.event(.scanned(roots: roots, projects: projects)), to: &s)
        }
        state = s
        self.darkTheme = darkTheme
        self.lightTheme = lightTheme
        self.glyphs = glyphs
        self.timeZone = timeZone
    }

    public var theme: Theme { state.themeVariant == .dark ? darkTheme : lightTheme }
    public var shouldQuit: Bool { state.shouldQuit }

    /// What quitting does with running projects (`--on-exit`, the `on_exit` setting); `ask` asks
    /// on screen when this console hosts projects that still run.
    public var onExit: OnExit = .ask
    /// True when quitting affects the projects: this console runs their supervisor (false while
    /// attached to a daemon, which keeps running them whatever the console does). Read at each key.
    public var hostsProjects: @Sendable () -> Bool = { true }
    /// The quit question's answer, `stop` or `keep`; nil when quitting asked nothing.
    public var quitChoice: OnExit? { state.quitChoice }

    /// The message a key means now: raw input while a prompt takes text, otherwise the keymap's
    /// action for the key where it is pressed (`unbound` for a key bound to nothing).
    public func message(for key: KeyPress) -> Message {
        let context = state.keyContext
        if case .overlay(let kind) = context, kind.takesText { return .input(key) }
        return keymap.action(for: key, in: context).map(Message.action) ?? .unbound(key)
    }

    public func handle(key: KeyPress) -> Bool {
        state.onExit = hostsProjects() ? onExit : .keep
        let before = state
        pending += Update.apply(message(for: key), to: &state)
        return state != before
    }

    public func handle(event: Event) -> Bool {
        // Output lines come fastest: folded without comparing the whole state (see `Update.foldLog`).
        if case .log(let line) = event { return Update.foldLog(line, into: &state) }
        let before = state
        pending += Update.apply(.event(event), to: &state)
        return state != before
    }

    /// A batch from the bus (a burst of output lines with the odd state change): output lines
    /// fold without comparing the state, the rest are compared once for the whole batch.
    public func handle(events: [Event]) -> Bool {
        let before = state
        var changed = false
        var others = false
        for event in events {
            if case .log(let line) = event {
                if Update.foldLog(line, into: &state) { changed = true }
            } else {
                others = true
                pending += Update.apply(.event(event), to: &state)
            }
        }
        return changed || (others && state != before)
    }

    /// A click or wheel turn, as the actions keys produce (`PointerActions`).
    public func handle(mouse: MouseEvent) -> Bool {
        // While a prompt takes text, the pointer leaves it alone.
        if case .overlay(let kind) = state.keyContext, kind.takesText { return false }
        guard let size else { return false }
        state.onExit = hostsProjects() ? onExit : .keep
        let before = state
        pending += PointerActions.apply(mouse, to: &state, size: size) { view(size: size, state: $0) }
        return state != before
    }

    /// The theme and keymap as named at start, read again when their files change (nil: never).
    public var liveConfig: LiveConfig?

    public var watchedFiles: [String] {
        liveConfig?.files(themes: ThemePair(current: theme, other: state.themeVariant == .dark ? lightTheme : darkTheme)) ?? []
    }

    /// A theme or keymap file changed: both are read again and take effect at once; a file that no
    /// longer reads keeps the ones in use, and the footer names the file, line and field.
    public func filesChanged() -> Bool {
        guard let liveConfig else { return false }
        let before = state
        do {
            let (themes, keymap) = try liveConfig.load()
            // A save that changed nothing (the same text written again) says nothing.
            guard themes.dark != darkTheme || themes.light != lightTheme || keymap != self.keymap else { return false }
            darkTheme = themes.dark
            lightTheme = themes.light
            self.keymap = keymap
            state.notice = Notice("Reloaded theme \(theme.name) and keymap \(keymap.name)", role: .ok)
        } catch {
            // Where the error is comes first: the footer may cut the end of a long line.
            state.notice = Notice("\(error.location.map { "\($0): " } ?? "")\(error.message); kept the theme and keymap in use",
                                  role: .error)
        }
        return state != before
    }

    public func resized(to size: Size) {
        self.size = size
        _ = Update.apply(.resized(size), to: &state)
    }

    public func view(size: Size) -> Buffer { view(size: size, state: state) }

    func view(size: Size, state: AppState) -> Buffer {
        AppView(state: state, glyphs: glyphs, timeZone: timeZone, monochrome: monochrome).render(size: size)
    }

    public func takeBell() -> Bool {
        defer { state.bellPending = false }
        return state.bellPending
    }

    public func takeShellRequest() -> ShellRequest? {
        defer { state.shellRequest = nil }
        return state.shellRequest
    }

    public func shellEnded(_ notice: Notice) { state.notice = notice }

    public func takeCommands() -> [Command] {
        defer { pending.removeAll() }
        return pending
    }
}
