import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@Suite("Troubleshooting pane: one-key fix")
struct FixFromScreenTests {
    static let t0 = Date(timeIntervalSince1970: 3_000_000)
    static let api = ProjectID("/w/api"), web = ProjectID("/w/web")

    static func state() -> AppState {
        var s = AppState(now: t0)
        let events: [Event] = [
            .scanned(roots: ["/w"], projects: [Project(name: "api", path: "/w/api", kinds: [.node]),
                                               Project(name: "web", path: "/w/web", kinds: [.python])]),
            .log(LogLine(time: t0, project: web, stream: .stderr, text: "Error: DATABASE_URL is not set")),
            .log(LogLine(time: t0.addingTimeInterval(1), project: api, stream: .stderr,
                         text: "Error: listen EADDRINUSE: address already in use :::3000")),
            .suggestions(project: web, items: [TroubleshootingAdvice(
                problem: "Error: DATABASE_URL is not set", title: "The environment variable DATABASE_URL is not set",
                explanation: "…", confidence: 0.7, automatedFix: "fill_env_from_other_environment", fixArgument: "DATABASE_URL")]),
            .suggestions(project: api, items: [TroubleshootingAdvice(
                problem: "Error: listen EADDRINUSE: address already in use :::3000", title: "Port 3000 is already in use",
                explanation: "…", confidence: 0.9, automatedFix: "reassign_port", history: [0.2, 0.45, 0.6])]),
        ]
        for e in events { _ = Update.apply(.event(e), to: &s) }
        s.focus = .troubleshooting
        return s
    }

    func apply(_ message: Message, to s: inout AppState) -> [Command] { Update.apply(message, to: &s) }

    @Test func fAsksThenYSendsTheFixForTheSelectedProblem() {
        var s = Self.state()
        #expect(Update.selectedProblem(s)?.project == Self.api)   // the newest is selected
        #expect(apply(.action(.applyFix), to: &s).isEmpty)
        guard case .confirmFix(let request) = s.overlay else { Issue.record("no confirmation"); return }
        #expect(request.fix == "reassign_port" && request.projectName == "api")
        // Not an answer: the question stays and the footer says what to press.
        #expect(apply(.action(.details), to: &s).isEmpty && s.overlay != nil)
        #expect(s.notice?.text == "answer y to apply, n or Esc to cancel")
        let commands = apply(.action(.accept), to: &s)
        #expect(commands == [.applyFix(request)])
        #expect(s.overlay == nil)
    }

    @Test func nCancelsWithoutACommand() {
        var s = Self.state()
        _ = apply(.action(.applyFix), to: &s)
        #expect(apply(.action(.reject), to: &s).isEmpty)
        #expect(s.overlay == nil)
    }

    @Test func aMissingVariableAsksForItsValueAfterConfirming() {
        var s = Self.state()
        _ = apply(.action(.up), to: &s)                          // the older problem: web's missing variable
        #expect(Update.selectedProblem(s)?.project == Self.web)
        _ = apply(.action(.applyFix), to: &s)
        #expect(apply(.action(.accept), to: &s).isEmpty)
        guard case .fixValue(let request, "") = s.overlay else { Issue.record("no value prompt"); return }
        #expect(request.argument == "DATABASE_URL")
        for c in "pg://x" { _ = apply(.input(.char(c)), to: &s) }
        _ = apply(.input(.backspace), to: &s)
        let commands = apply(.input(.enter), to: &s)
        var expected = request
        expected.value = "pg://"
        #expect(commands == [.applyFix(expected)])
        // An empty answer leaves the value to the applier (.env.example).
        _ = apply(.action(.applyFix), to: &s)
        _ = apply(.action(.accept), to: &s)
        #expect(apply(.input(.enter), to: &s) == [.applyFix(request)])
    }

    @Test func aSuggestionWithoutAnAutomaticFixOpensTheProblemWithItsSuggestions() {
        var s = Self.state()
        let problem = "Error: connect ECONNREFUSED 127.0.0.1:5432"
        let events: [Event] = [
            .log(LogLine(time: Self.t0.addingTimeInterval(8), project: Self.api, stream: .stderr, text: problem)),
            .suggestions(project: Self.api, items: [TroubleshootingAdvice(
                problem: problem, title: "The database does not answer", explanation: "Start PostgreSQL on port 5432.",
                confidence: 0.8)]),
        ]
        for e in events { _ = apply(.event(e), to: &s) }
        #expect(apply(.action(.applyFix), to: &s).isEmpty)
        guard case .entry(let entry, _) = s.overlay else { Issue.record("the problem is not opened: \(String(describing: s.overlay))"); return }
        #expect(entry.text == problem && entry.project == Self.api)
        #expect(s.notice?.text == "no automatic fix for this problem: its suggestions are below, to apply by hand")
        let screen = AppView(state: s, glyphs: .ascii, timeZone: .utc).render(size: Size(width: 100, height: 40)).lines.joined(separator: "\n")
        #expect(screen.contains("The database does not answer") && screen.contains("Start PostgreSQL on port 5432."), "\(screen)")
    }

    @Test func noFixNoQuestion() {
        var s = Self.state()
        _ = apply(.event(.diagnostic(Diagnostic(time: Self.t0.addingTimeInterval(5), severity: .error, source: "vantage",
                                                  message: "disk is slow"))), to: &s)
        _ = apply(.action(.applyFix), to: &s)
        #expect(s.overlay == nil)
        #expect(s.notice?.text == "fix: no automatic fix for this problem, and no suggestion for it yet")
        s.focus = .projects
        s.scroll[.troubleshooting] = 1
        _ = apply(.action(.applyFix), to: &s)
        #expect(s.overlay == nil)
        #expect(s.notice?.text == "fix works in Troubleshooting")
    }

    @Test func screenShowsTheSelectionTheSparklineAndTheQuestion() {
        var s = Self.state()
        s.zoomed = .troubleshooting
        let view = AppView(state: s, glyphs: .unicode, timeZone: ClockZone.utc)
        let screen = view.render(size: Size(width: 100, height: 12))
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("Port 3000 is already in use: reassign port (90 %) ▂▄▅"))
        // The selected (newest) problem's line is on the selection colour.
        let row = screen.lines.firstIndex { $0.contains("EADDRINUSE") }!
        let col = screen.lines[row].distance(from: screen.lines[row].startIndex, to: screen.lines[row].range(of: "EADDRINUSE")!.lowerBound)
        #expect(screen[col + 1, row].style.bg == .selection)
        #expect(text.contains("F fix"))
        _ = apply(.action(.applyFix), to: &s)
        let asked = AppView(state: s, glyphs: .unicode, timeZone: ClockZone.utc)
            .render(size: Size(width: 100, height: 12)).lines.joined(separator: "\n")
        #expect(asked.contains("Apply \"reassign port\" to api? y/n"))
    }
}

@Suite("Advice book: learned outcomes update a suggestion")
struct AdviceBookLearningTests {
    @Test func aLowerConfidenceAfterAFailedFixReplacesTheOldOne() {
        var book = AdviceBook()
        let first = TroubleshootingAdvice(problem: "p", title: "Port busy", explanation: "", confidence: 0.9, automatedFix: "reassign_port")
        book.add([first], project: nil)
        var failed = first
        failed.confidence = 0.5
        failed.history = [0.0]
        book.add([failed], project: nil)
        #expect(book.top["p"] == failed)
        // Without new history a weaker suggestion does not replace it.
        var weaker = failed
        weaker.confidence = 0.1
        book.add([weaker], project: nil)
        #expect(book.top["p"] == failed)
    }
}
