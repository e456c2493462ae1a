import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator
@testable import VantageTUI

/// A console attaching to a running daemon: the log viewer shows the lines the project printed
/// before the console came, then follows new ones, with nothing lost or doubled at the seam.
@Suite(.serialized, .timeLimit(.minutes(2))) struct DaemonFeedTests {
    static func numbers(_ lines: [LogLine]) -> [Int] {
        lines.compactMap { $0.text.hasPrefix("line ") ? Int($0.text.dropFirst(5)) : nil }
    }

    @Test func attachingShowsTheBacklogThenFollows() async throws {
        try #require(FileManager.default.fileExists(atPath: DaemonTests.binary), "build the binary first: swift build --product vantage")
        let f = Fixture()
        let root = f.root + "/projects"
        let project = f.project("chatty", files: [".vantage.toml": "command = \"i=0; while true; do i=$((i+1)); echo line $i; sleep 0.05; done\"\n"])
        let daemon = try DaemonTests.startDaemon(root: root, home: f.paths.home)
        defer {
            kill(daemon, SIGTERM)
            var status: Int32 = 0
            waitpid(daemon, &status, 0)
            f.removeFiles()
        }
        try await DaemonTests.waitForSocket(f.paths)
        let paths = f.paths
        _ = try await offPool { try ControlClient.request(paths, .launch(names: ["chatty"], all: false, environment: nil, overrides: [:])) }

        // The project prints at least 20 lines before any console exists.
        var printed = 0
        for _ in 0..<200 {
            if case .logTail(let got, _)? = try? await offPool({ try ControlClient.request(paths, .logs(name: "chatty", lines: 5, follow: false)) }) {
                printed = got.compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.max() ?? 0
            }
            if printed >= 20 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(printed >= 20)

        // The console: its own bus, the screen's model, and the feed from the daemon.
        let bus = Bus()
        let events = bus.events(capacity: 4096)
        let app = await App(projects: [Project(name: "chatty", path: project.path, kinds: [.command])], glyphs: .ascii,
                            timeZone: ClockZone.utc)
        let subscription = try ControlClient.connect(paths)
        Thread.detachNewThread { DaemonFeed.follow(subscription, paths: paths, into: bus) }

        let target = printed + 20 // lines printed after the console attached
        let consumer = Task { @MainActor in
            for await event in events {
                _ = app.handle(event: event)
            }
        }
        var finished = false
        for _ in 0..<600 {
            let last = await Self.numbers(app.state.projectLogs[project.id]?.elements.map { $0 } ?? []).last ?? 0
            if last >= target { finished = true; break }
            try await Task.sleep(for: .milliseconds(50))
        }
        consumer.cancel()
        #expect(finished, "the console saw the live lines")

        let kept = await app.state.projectLogs[project.id]?.elements.map { $0 } ?? []
        let numbers = Self.numbers(kept)
        // Every line from the first one printed before attaching, in order, each once.
        #expect(numbers.first == 1, "the backlog starts at the project's first line")
        #expect(numbers == Array(1...(numbers.last ?? 0)), "no line lost or doubled where the backlog meets the live lines")
        #expect((numbers.last ?? 0) >= target)

        // `L` opens the viewer on the project; it shows the lines printed before attaching.
        #expect(await app.handle(key: .char("L")))
        guard case .logs(let viewer) = await app.state.overlay else {
            Issue.record("the log viewer did not open")
            return
        }
        #expect(viewer.project == project.id)
        let overlay = LogViewerOverlay(name: "chatty", lines: kept, viewer: viewer, timeZone: ClockZone.utc, glyphs: .ascii)
        #expect(overlay.title.hasPrefix("Logs: chatty (\(kept.count) lines)"))
        var scrolled = viewer
        scrolled.show(line: kept.firstIndex { $0.text == "line 1" }!, count: kept.count)
        var buffer = Buffer(width: 60, height: 8)
        LogViewerOverlay(name: "chatty", lines: kept, viewer: scrolled, timeZone: ClockZone.utc, glyphs: .ascii)
            .render(area: buffer.area, buffer: &buffer)
        #expect(buffer.lines.contains { $0.contains(" line 1 ") }, "\(buffer.lines.joined(separator: "\n"))")
    }
}
