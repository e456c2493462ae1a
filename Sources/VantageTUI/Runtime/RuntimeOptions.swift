import Foundation

/// How the terminal runtime runs.
public struct RuntimeOptions: Sendable {
    /// The glyphs the program draws with; `glyphs.isASCII` also makes the writer replace any
    /// non-ASCII symbol with `?`, so no byte ≥ 0x80 reaches the terminal.
    public var glyphs: GlyphSet
    /// Repaints are coalesced and capped at this rate.
    public var maxFramesPerSecond: Int
    /// When the process started, for the time-to-first-frame figure (pass `.now` first thing in `main`).
    public var startedAt: ContinuousClock.Instant
    /// If set, the runtime writes its `RuntimeCounters` as JSON to this path when it stops.
    public var statsPath: String?
    /// The environment (TERM, NO_COLOR, locale) the terminal is opened with.
    public var environment: [String: String]
    /// How long this process has existed, in milliseconds (the wiring passes the kernel's figure,
    /// `ProcessLookup.ageOfThisProcess`), for `RuntimeCounters.firstFrameSinceExecMilliseconds`.
    public var processAge: (@Sendable () -> Double?)?
    /// Clicks and the wheel act on the screen (off: `--no-mouse` or `mouse = false` in settings.toml,
    /// and the terminal's own mouse handling stays as it was).
    public var mouse = true
    /// Makes the program `!` runs for a project (nil: this console opens no shells, and says so).
    public var shellPlanner: ShellPlanner?

    public init(glyphs: GlyphSet, maxFramesPerSecond: Int = 60, startedAt: ContinuousClock.Instant = .now,
                statsPath: String? = ProcessInfo.processInfo.environment["VANTAGE_STATS_FILE"],
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.glyphs = glyphs
        self.maxFramesPerSecond = max(1, maxFramesPerSecond)
        self.startedAt = startedAt
        self.statsPath = statsPath
        self.environment = environment
    }

    /// Options for this process: glyphs from the locale, or ASCII with `--ascii`.
    public static func detect(ascii: Bool, startedAt: ContinuousClock.Instant = .now) -> RuntimeOptions {
        let env = ProcessInfo.processInfo.environment
        return RuntimeOptions(glyphs: GlyphSet.detect(environment: env, forceASCII: ascii), startedAt: startedAt, environment: env)
    }
}

/// What the runtime did, for benchmarks: frames, the first frame's latency and bytes, and the
/// bytes each later refresh sent to the terminal.
public struct RuntimeCounters: Codable, Sendable, Equatable {
    /// Why the loop ended.
    public enum StopReason: String, Codable, Sendable {
        /// The program asked to quit (the quit key).
        case quit
        /// SIGINT (Ctrl-C), SIGTERM or SIGHUP.
        case signal
        /// The terminal went away (stdin closed).
        case hangup
        /// `stop()` was called by code.
        case requested
    }
    public var stoppedBy: StopReason?
    /// Frames drawn (a frame whose buffer equalled the last one is not counted: it wrote nothing).
    public var framesPainted = 0
    /// Repaint requests that produced an identical buffer, so nothing was written.
    public var unchangedFrames = 0
    public var fullRepaints = 0
    public var keys = 0
    public var events = 0
    public var resizes = 0
    public var commandsSent = 0
    /// From `RuntimeOptions.startedAt` to the first frame on screen, in milliseconds.
    public var firstFrameMilliseconds: Double?
    /// From the kernel's process start (exec) to the first frame, in milliseconds; 10 ms
    /// granularity (from /proc/self/stat and /proc/uptime).
    public var firstFrameSinceExecMilliseconds: Double?
    /// Bytes the first (full) frame sent to the terminal.
    public var firstFrameBytes: UInt64?
    /// Bytes sent by every later frame together, and the largest of them.
    public var refreshBytes: UInt64 = 0
    public var maxRefreshBytes: UInt64 = 0
    public var lastFrameBytes: UInt64?
    /// Whether byte counts were measurable on this backend.
    public var bytesMeasured = true

    public init() {}

    /// Mean bytes per refresh after the first frame (nil before the second frame).
    public var averageRefreshBytes: Double? {
        framesPainted > 1 ? Double(refreshBytes) / Double(framesPainted - 1) : nil
    }

    enum CodingKeys: String, CodingKey {
        case stoppedBy, framesPainted, unchangedFrames, fullRepaints, keys, events, resizes, commandsSent
        case firstFrameMilliseconds, firstFrameSinceExecMilliseconds, firstFrameBytes, refreshBytes, maxRefreshBytes, lastFrameBytes, bytesMeasured
        case averageRefreshBytes
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(stoppedBy, forKey: .stoppedBy)
        try c.encode(framesPainted, forKey: .framesPainted)
        try c.encode(unchangedFrames, forKey: .unchangedFrames)
        try c.encode(fullRepaints, forKey: .fullRepaints)
        try c.encode(keys, forKey: .keys)
        try c.encode(events, forKey: .events)
        try c.encode(resizes, forKey: .resizes)
        try c.encode(commandsSent, forKey: .commandsSent)
        try c.encodeIfPresent(firstFrameMilliseconds, forKey: .firstFrameMilliseconds)
        try c.encodeIfPresent(firstFrameSinceExecMilliseconds, forKey: .firstFrameSinceExecMilliseconds)
        try c.encodeIfPresent(firstFrameBytes, forKey: .firstFrameBytes)
        try c.encode(refreshBytes, forKey: .refreshBytes)
        try c.encode(maxRefreshBytes, forKey: .maxRefreshBytes)
        try c.encodeIfPresent(lastFrameBytes, forKey: .lastFrameBytes)
        try c.encode(bytesMeasured, forKey: .bytesMeasured)
        try c.encodeIfPresent(averageRefreshBytes, forKey: .averageRefreshBytes)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stoppedBy = try c.decodeIfPresent(StopReason.self, forKey: .stoppedBy)
        framesPainted = try c.decode(Int.self, forKey: .framesPainted)
        unchangedFrames = try c.decode(Int.self, forKey: .unchangedFrames)
        fullRepaints = try c.decode(Int.self, forKey: .fullRepaints)
        keys = try c.decode(Int.self, forKey: .keys)
        events = try c.decode(Int.self, forKey: .events)
        resizes = try c.decode(Int.self, forKey: .resizes)
        commandsSent = try c.decode(Int.self, forKey: .commandsSent)
        firstFrameMilliseconds = try c.decodeIfPresent(Double.self, forKey: .firstFrameMilliseconds)
        firstFrameSinceExecMilliseconds = try c.decodeIfPresent(Double.self, forKey: .firstFrameSinceExecMilliseconds)
        firstFrameBytes = try c.decodeIfPresent(UInt64.self, forKey: .firstFrameBytes)
        refreshBytes = try c.decode(UInt64.self, forKey: .refreshBytes)
        maxRefreshBytes = try c.decode(UInt64.self, forKey: .maxRefreshBytes)
        lastFrameBytes = try c.decodeIfPresent(UInt64.self, forKey: .lastFrameBytes)
        bytesMeasured = try c.decode(Bool.self, forKey: .bytesMeasured)
    }
}
