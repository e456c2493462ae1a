import Foundation
import VantageCore

/// The dashboard program the runtime drives. It holds the state, the keymap, the dark and light
/// themes and the glyph set; keys go through the keymap into `Update.apply`, events go straight
/// in, and `view` is `AppView`. Commands wait in `takeCommands()` for the runtime to send.
@MainActor
public final class App: TerminalProgram {
    public private(set) var state: AppState
    public var keymap: Keymap
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
    public init(roots: [String] = [], projects: [Project] = [], keymap: Keymap = Fallbacks.keymap,
                darkTheme: Theme = Fallbacks.darkTheme, lightTheme: Theme = Fallbacks.lightTheme,
                startVariant: Theme.Variant = .dark, glyphs: GlyphSet = .unicode,
                timeZone: ClockZone = .system, now: Date = Date(), limits: AppState.Limits = AppState.Limits()) {
        var s = AppState(now: now, limits: limits)
        s.themeVariant = startVariant
        if !projects.isEmpty || !roots.isEmpty {
            _ = Update.apply(.event(.scanned(roots: roots, projects: projects)), to: &s)
        }
        state = s
        self.keymap = keymap
        self.darkTheme = darkTheme
        self.lightTheme = lightTheme
        self.glyphs = glyphs
        self.timeZone = timeZone
    }

    public var theme: Theme { state.themeVariant == .dark ? darkTheme : lightTheme }
    public var shouldQuit: Bool { state.shouldQuit }

    /// The message a key means now: raw input while a prompt takes text or an answer, otherwise
    /// the keymap's action (nil for an unbound key).
    public func message(for key: KeyPress) -> Message? {
        switch state.overlay {
        case .confirm, .filterInput, .environmentInput, .confirmFix, .fixValue: return .input(key)
        case .council where CouncilKeys.answers(key): return .input(key)
        case .logs(let v) where v.typingQuery: return .input(key)
        default: return keymap.action(for: key).map(Message.action)
        }
    }

    public func handle(key: KeyPress) -> Bool {
        guard let message = message(for: key) else { return false }
        let before = state
        pending += Update.apply(message, to: &state)
        return state != before
    }

    public func handle(event: Event) -> Bool {
        // Output lines come fastest: folded without comparing the whole state (see `Update.foldLog`).
        if case .log(let line) = event { return Update.foldLog(line, into: &state) }
        let before = state
        pending += Update.apply(.event(event), to: &state)
        return state != before
    }

    public func resized(to size: Size) { self.size = size }

    public func view(size: Size) -> Buffer {
        AppView(state: state, keymap: keymap, glyphs: glyphs, timeZone: timeZone, monochrome: monochrome).render(size: size)
    }

    public func takeCommands() -> [Command] {
        defer { pending.removeAll() }
        return pending
    }
}
