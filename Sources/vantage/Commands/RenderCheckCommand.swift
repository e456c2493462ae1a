import ArgumentParser
import Foundation
import VantageCore
import VantageProbes
import VantageTUI

/// `vantage render-check`: a test screen for the terminal renderer. Shows every colour role of
/// the theme, the glyphs, the keys pressed (and the action each is bound to) and the size.
/// `t` toggles dark/light, `q` quits. Used by the tmux smoke test and the render benchmark.
struct RenderCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-check",
        abstract: "Show a test screen of the terminal renderer (colours, glyphs, keys); q quits.")

    @Option(help: "Theme name or path.") var theme: String?
    @Option(help: "Keymap name or path.") var keymap: String?
    @Flag(help: "Draw with ASCII only.") var ascii = false
    @Option(help: "Redraw a ticking counter this many times a second (0: never), for the bytes-per-refresh figure.")
    var tick: Double = 0

    func run() async throws {
        let started = ContinuousClock.now
        do {
            try await Self.show(theme: theme, keymap: keymap, ascii: ascii, tick: tick, started: started)
        } catch let error as VantageError {
            writeStandardError("vantage: \(error)\n")
            throw ExitCode(2)
        }
    }

    @MainActor
    static func show(theme: String?, keymap: String?, ascii: Bool, tick: Double, started: ContinuousClock.Instant) async throws {
        let locator = ConfigLocator.fromEnvironment()
        let themes = try ThemeLoader.resolvePair(theme, locator: locator)
        let keys = try KeymapLoader.resolve(keymap, locator: locator)
        var options = RuntimeOptions.detect(ascii: ascii, startedAt: started)
        options.processAge = ProcessLookup.ageOfThisProcess
        let program = RenderCheckProgram(themes: themes, keymap: keys, glyphs: options.glyphs)
        let bus = Bus()
        var ticker: Task<Void, Never>?
        if tick > 0 {
            ticker = Task.detached {
                var n = 0
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1 / tick))
                    n += 1
                    bus.publish(.timeline(TimelineEntry(time: bus.clock.now, kind: .state, text: "tick \(n)")))
                }
            }
        }
        try await TerminalRuntime.run(program: program, bus: bus, options: options)
        ticker?.cancel()
    }
}

@MainActor
final class RenderCheckProgram: TerminalProgram {
    private var themes: ThemePair
    private let keymap: Keymap
    private let glyphs: GlyphSet
    private var keysPressed: [String] = []
    private var ticks = 0
    private var quit = false

    init(themes: ThemePair, keymap: Keymap, glyphs: GlyphSet) {
        self.themes = themes
        self.keymap = keymap
        self.glyphs = glyphs
    }

    var theme: Theme { themes.current }
    var shouldQuit: Bool { quit }

    func handle(key: KeyPress) -> Bool {
        let action = keymap.action(for: key)
        if action == .quit { quit = true; return false }
        if action == .toggleTheme { themes.toggle() }
        keysPressed.append("\(key)" + (action.map { "=\($0.name)" } ?? ""))
        if keysPressed.count > 8 { keysPressed.removeFirst() }
        return true
    }

    func handle(event: Event) -> Bool {
        if case .timeline = event { ticks += 1; return true }
        return false
    }

    func resized(to size: Size) {}
    func takeCommands() -> [Command] { [] }

    func view(size: Size) -> Buffer {
        var b = Buffer(width: size.width, height: size.height)
        guard size.width >= 20, size.height >= 6 else {
            b.put("terminal too small", x: 0, y: 0, style: .role(.warn), maxWidth: size.width)
            return b
        }
        let g = glyphs.borders
        let border = CellStyle.role(.border)
        b.put(g.topLeft + String(repeating: g.horizontal, count: size.width - 2) + g.topRight, x: 0, y: 0, style: border)
        for y in 1..<(size.height - 1) {
            b.put(g.vertical, x: 0, y: y, style: border)
            b.put(g.vertical, x: size.width - 1, y: y, style: border)
        }
        b.put(g.bottomLeft + String(repeating: g.horizontal, count: size.width - 2) + g.bottomRight, x: 0, y: size.height - 1, style: border)
        b.put(" Vantage render check ", x: 2, y: 0, style: CellStyle.role(.accent).bolded)
        let inner = size.width - 4
        var y = 1
        func line(_ text: String, _ style: CellStyle = .plain) {
            guard y < size.height - 2 else { return }
            b.put(text, x: 2, y: y, style: style, maxWidth: inner)
            y += 1
        }
        line("theme \(theme.name) (\(theme.variant.rawValue))  size \(size.width)x\(size.height)  ticks \(ticks)  glyphs \(glyphs.isASCII ? "ascii" : "unicode")")
        var x = 2
        for role in StyleRole.allCases where role != .background {
            let label = role.rawValue + " "
            if x + label.count >= size.width - 2 { y += 1; x = 2 }
            guard y < size.height - 2 else { break }
            let style = role == .selection ? CellStyle(fg: .text, bg: .selection) : .role(role)
            x += b.put(label, x: x, y: y, style: style, maxWidth: size.width - 2 - x)
        }
        y += 1
        line("meter  " + glyphs.meter(fraction: 0.62, width: 12) + "  spark " + (0..<8).map { glyphs.sparkLevel(Double($0) / 7) }.joined(), .role(.ok))
        line("keys   " + keysPressed.joined(separator: " "), .role(.text))
        b.put(keymap.footerHints(for: [.quit, .toggleTheme, .help]), x: 2, y: size.height - 2, style: .role(.muted), maxWidth: inner)
        return b
    }
}
