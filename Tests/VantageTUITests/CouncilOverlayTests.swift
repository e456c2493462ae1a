import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@MainActor
@Suite("Council: the overlay of proposals, accept and reject")
struct CouncilOverlayTests {
    static let worker = ProjectID("/w/worker")
    static let web = ProjectID("/w/web")

    static func proposal(_ project: ProjectID, _ name: String, _ action: String, score: Double) -> CouncilProposal {
        CouncilProposal(advisor: "reliability", project: project, projectName: name, action: action,
                        rationale: "\(name) restarted 4 times in the last hour", score: score, passed: score >= 0.2,
                        votes: [.init(advisor: "security", value: 0, weight: 1), .init(advisor: "reliability", value: 0.9, weight: 1.5)])
    }
    static let proposals = [proposal(worker, "worker", "investigate the crashes", score: 0.62),
                            proposal(web, "web", "restart with backoff", score: 0.1)]

    func makeApp() -> App {
        let app = App(keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc,
                      now: Date(timeIntervalSince1970: 1_000_000))
        _ = app.handle(event: .council(Self.proposals))
        return app
    }

    @Test func cOpensTheOverlayAndArrowsSelect() {
        let app = makeApp()
        #expect(app.state.council == Self.proposals)
        #expect(app.handle(key: .char("c")))
        #expect(app.state.overlay == .council(selected: 0))
        _ = app.handle(key: .down)
        #expect(app.state.overlay == .council(selected: 1))
        _ = app.handle(key: .down)
        #expect(app.state.overlay == .council(selected: 1), "stays on the last proposal")
        _ = app.handle(key: .up)
        #expect(app.state.overlay == .council(selected: 0))
        _ = app.handle(key: .escape)
        #expect(app.state.overlay == nil)
        #expect(app.takeCommands().isEmpty)
    }

    @Test func yAcceptsAndNRejectsTheSelectedProposalOnceAndTheStatusShows() {
        let app = makeApp()
        _ = app.handle(key: .char("c"))
        _ = app.handle(key: .down)
        _ = app.handle(key: .char("n"))
        #expect(app.takeCommands() == [.decide(Self.proposals[1], accepted: false)])
        #expect(app.state.council.map(\.status) == [.proposed, .rejected], "the answered proposal stays, marked")
        #expect(app.state.overlay == .council(selected: 1))
        // A second answer to the same proposal is refused: a vote counts once.
        _ = app.handle(key: .char("y"))
        #expect(app.takeCommands().isEmpty)
        #expect(app.state.notice?.text == "accept: this proposal was already answered: rejected")
        _ = app.handle(key: .up)
        _ = app.handle(key: .char("y"))
        #expect(app.takeCommands() == [.decide(Self.proposals[0], accepted: true)])
        // The council's next list says what came of it: status and outcome are on screen.
        var done = Self.proposals[0]
        done.status = .worked
        done.outcome = "restarted; ready again after 2 s"
        _ = app.handle(event: .council([done]))
        let screen = app.view(size: Size(width: 120, height: 40)).lines.joined(separator: "\n")
        #expect(screen.contains("worker: investigate the crashes (reliability) [worked]"), "\(screen)")
        #expect(screen.contains("Status: worked: restarted; ready again after 2 s"))
        #expect(screen.contains("This proposal was answered; Esc closes."))
        _ = app.handle(key: .char("q"))
        #expect(!app.shouldQuit && app.state.overlay == nil)
    }

    @Test func withNoProposalsAnAnswerSaysSo() {
        let app = App(keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc, now: Date(timeIntervalSince1970: 1_000_000))
        _ = app.handle(key: .char("c"))
        _ = app.handle(key: .char("y"))
        #expect(app.takeCommands().isEmpty)
        #expect(app.state.notice?.text == "accept: no proposal to answer")
    }

    @Test func aNewCouncilKeepsTheSelectionInRange() {
        let app = makeApp()
        _ = app.handle(key: .char("c"))
        _ = app.handle(key: .down)
        _ = app.handle(event: .council([Self.proposals[0]]))
        #expect(app.state.overlay == .council(selected: 0))
    }

    @Test func theOverlayListsProposalsAndTheSelectedOnesVotes() {
        var buffer = Buffer(width: 100, height: 14)
        CouncilOverlay(proposals: Self.proposals, selected: 0, glyphs: .ascii).render(area: buffer.area, buffer: &buffer)
        let text = buffer.lines.joined(separator: "\n")
        #expect(text.contains("Council of advisors"))
        #expect(text.contains("> +0.62 passed    worker: investigate the crashes (reliability)"))
        #expect(text.contains("  +0.10 rejected  web: restart with backoff (reliability)"))
        #expect(text.contains("Why: worker restarted 4 times in the last hour"))
        #expect(text.contains("reliability +0.90 (weight 1.50)"))
        #expect(text.contains("y accepts, n rejects"))
        var empty = Buffer(width: 100, height: 6)
        CouncilOverlay(proposals: [], selected: 0, glyphs: .ascii).render(area: empty.area, buffer: &empty)
        #expect(empty.lines.joined().contains("no proposals"))
    }
}
