import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator
@testable import VantageTUI

/// What an attached console is sent of a batch: state changes and problems before the output
/// lines, and of a project that floods, only its newest lines (every error kept) with a note
/// saying how many it was not shown.
@Suite struct AttachHubFramingTests {
    static let t0 = Date(timeIntervalSince1970: 1_000_000)
    static let api = ProjectID("/w/api"), web = ProjectID("/w/web")

    static func line(_ project: ProjectID, _ text: String, _ i: Int) -> Event {
        .log(LogLine(time: t0.addingTimeInterval(Double(i)), project: project, stream: .stdout, text: text))
    }

    @Test func stateChangesComeFirstAndASmallBatchKeepsEveryLine() throws {
        let change = Event.stateChanged(project: Self.web, from: .running, to: .stopped)
        let batch = [Self.line(Self.api, "one", 0), change, Self.line(Self.api, "two", 1)]
        let framed = AttachHub.framed(batch, logLinesPerProject: 10)
        #expect(framed == [change, Self.line(Self.api, "one", 0), Self.line(Self.api, "two", 1)])
    }

    @Test func aFloodingProjectIsCutToItsNewestLinesWithANoteAndItsErrorsKept() throws {
        var batch = (0..<50).map { Self.line(Self.api, "line \($0)", $0) }
        batch[10] = Self.line(Self.api, "ERROR: disk full", 10)
        batch.append(Self.line(Self.web, "quiet", 60))
        let change = Event.stateChanged(project: Self.web, from: .running, to: .stopped)
        batch.append(change)
        let framed = AttachHub.framed(batch, logLinesPerProject: 5)
        let texts: [String] = framed.compactMap { if case .log(let l) = $0 { l.text } else { nil } }
        try #require(framed.count > 1)
        #expect(framed[0] == change)
        #expect(framed[1] == Bus.skippedLinesNote(44, project: Self.api, at: Self.t0.addingTimeInterval(44)))
        #expect(Array(texts.dropFirst()) == ["ERROR: disk full", "line 45", "line 46", "line 47", "line 48", "line 49", "quiet"])
    }

    @Test func aHubHandsAConsoleThatFellBehindTheFramedBatch() throws {
        let hub = AttachHub(keeper: ConsoleStateKeeper(now: Self.t0), logLinesPerBatch: 3)
        let subscription = hub.attach()
        defer { subscription.cancel() }
        hub.fold(contentsOf: (0..<10).map { Self.line(Self.api, "line \($0)", $0) })
        let batch = try #require(subscription.next())
        guard case .events(let events) = batch else { Issue.record("a resync: \(batch)"); return }
        let texts: [String] = events.compactMap { if case .log(let l) = $0 { l.text } else { nil } }
        try #require(texts.count == 4, "\(texts)")
        #expect(texts[0].contains("7 lines not shown here"))
        #expect(Array(texts.dropFirst()) == ["line 7", "line 8", "line 9"])
    }
}
