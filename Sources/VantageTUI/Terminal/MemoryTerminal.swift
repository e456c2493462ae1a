/// A terminal in memory: keeps the screen it was drawn, counts every call, and estimates the
/// bytes a plain ANSI terminal would have received. Keys to read are queued by the test.
@MainActor
public final class MemoryTerminal: Terminal {
    public struct Calls: Equatable, Sendable {
        public var clears = 0
        public var moves = 0
        public var styles = 0
        public var puts = 0
        public var presents = 0
        public var bells = 0
        /// Writes of any kind (moves, styles, text); zero for a frame that changed nothing.
        public var writes: Int { clears + moves + styles + puts }
        public init() {}
    }

    public private(set) var size: Size
    public let colorDepth: ColorDepth
    public private(set) var calls = Calls()
    /// Bytes an ANSI terminal would have received (CUP moves, SGR styles, UTF-8 text).
    public private(set) var estimatedBytes: UInt64 = 0
    /// Every text ever written, in order (for ASCII purity checks).
    public private(set) var writtenText: [String] = []
    /// The screen: one symbol and style per cell ("" for the right half of a wide glyph).
    public private(set) var screen: [[(symbol: String, style: TerminalStyle)]]
    public private(set) var cursor = (x: 0, y: 0)
    public private(set) var style = TerminalStyle.plain
    public var pendingInput: [TerminalInput] = []

    public init(width: Int, height: Int, colorDepth: ColorDepth = .xterm256) {
        self.size = Size(width: width, height: height)
        self.colorDepth = colorDepth
        self.screen = Self.blankScreen(width: width, height: height)
    }

    /// Changes the size as a terminal window would (the runtime is told separately).
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        screen = Self.blankScreen(width: width, height: height)
        pendingInput.append(.resize)
    }

    public var bytesWritten: UInt64? { estimatedBytes }

    public func clear() {
        calls.clears += 1
        estimatedBytes += 4  // ESC [ 2 J
        screen = Self.blankScreen(width: size.width, height: size.height)
    }

    public func move(x: Int, y: Int) {
        calls.moves += 1
        estimatedBytes += UInt64(4 + String(y + 1).utf8.count + String(x + 1).utf8.count)
        cursor = (x, y)
    }

    public func setStyle(_ newStyle: TerminalStyle) {
        calls.styles += 1
        estimatedBytes += UInt64(Self.sgrLength(newStyle))
        style = newStyle
    }

    public func put(_ text: String) {
        calls.puts += 1
        writtenText.append(text)
        estimatedBytes += UInt64(text.utf8.count)
        for ch in text {
            let w = max(1, DisplayWidth.of(ch))
            if cursor.y >= 0, cursor.y < size.height, cursor.x >= 0, cursor.x + w <= size.width {
                screen[cursor.y][cursor.x] = (String(ch), style)
                if w == 2 { screen[cursor.y][cursor.x + 1] = ("", style) }
            }
            cursor.x += w
        }
    }

    public func present() { calls.presents += 1 }
    public func bell() { calls.bells += 1 }

    public func updateSize() -> Size { size }

    public func readInput() -> TerminalInput? {
        pendingInput.isEmpty ? nil : pendingInput.removeFirst()
    }

    /// The text of each row, for assertions.
    public var lines: [String] { screen.map { $0.map(\.symbol).joined() } }

    public func resetCounters() {
        calls = Calls()
        estimatedBytes = 0
        writtenText = []
    }

    private static func blankScreen(width: Int, height: Int) -> [[(symbol: String, style: TerminalStyle)]] {
        Array(repeating: Array(repeating: (" ", TerminalStyle.plain), count: max(0, width)), count: max(0, height))
    }

    /// Length of `ESC [ 0 ; attrs ; fg ; bg m` for a style.
    static func sgrLength(_ s: TerminalStyle) -> Int {
        var parts = ["0"]
        if s.bold { parts.append("1") }
        if s.dim { parts.append("2") }
        if s.underline { parts.append("4") }
        if s.reverse { parts.append("7") }
        for (color, base) in [(s.fg, 38), (s.bg, 48)] {
            switch color {
            case .terminalDefault: break
            case .index(let i): parts.append("\(base);5;\(i)")
            case .rgb(let r, let g, let b): parts.append("\(base);2;\(r);\(g);\(b)")
            }
        }
        return 3 + parts.joined(separator: ";").utf8.count
    }
}
