import Foundation
import VantageCore
@testable import VantageTUI

/// The knowledge layer's part of the golden fixture: council proposals and troubleshooting
/// suggestions (one with a learned confidence history). Applied by the council and console cases only.
extension GoldenFixture {
    static let councilProposals: [CouncilProposal] = [
        CouncilProposal(advisor: "reliability", project: id("shop"), projectName: "shop", action: "restart with backoff",
                        rationale: "shop restarted 3 times in the last hour", score: 0.58, passed: true,
                        votes: [.init(advisor: "reliability", value: 0.9, weight: 1.4), .init(advisor: "performance", value: 0.3, weight: 1),
                                .init(advisor: "security", value: 0, weight: 1), .init(advisor: "maintainability", value: 0.2, weight: 0.8)]),
        CouncilProposal(advisor: "security", project: id("api"), projectName: "api", action: "update express to 4.21.2",
                        rationale: "express@4.19.2 has 2 known advisories (1 high)", score: 0.41, passed: true,
                        votes: [.init(advisor: "security", value: 1, weight: 1.2), .init(advisor: "reliability", value: 0.1, weight: 1.4),
                                .init(advisor: "performance", value: 0, weight: 1), .init(advisor: "maintainability", value: 0.4, weight: 0.8)]),
        CouncilProposal(advisor: "performance", project: id("worker"), projectName: "worker", action: "raise the memory limit to 384 MiB",
                        rationale: "worker used 91 % of its limit for 10 minutes", score: 0.12, passed: false,
                        votes: [.init(advisor: "performance", value: 0.8, weight: 1), .init(advisor: "reliability", value: 0.2, weight: 1.4),
                                .init(advisor: "security", value: -0.2, weight: 1.2), .init(advisor: "maintainability", value: -0.5, weight: 0.8)]),
    ]

    static let addressInUse = "Error: listen EADDRINUSE: address already in use :::8080"

    static var troubleshootingAdvice: [Event] {
        [.suggestions(project: id("web"), items: [
            TroubleshootingAdvice(problem: addressInUse, title: "Port 8080 is already in use",
                                  explanation: "Another process listens on 8080.", confidence: 0.87, automatedFix: "reassign_port",
                                  history: [0.21, 0.34, 0.51, 0.44, 0.61]),
        ]),
         .suggestions(project: id("shop"), items: [
            TroubleshootingAdvice(problem: "restart 3 failed: exit status 1, retrying in 8s", title: "The project keeps crashing",
                                  explanation: "Read its last output.", confidence: 0.55, automatedFix: "restart_with_backoff"),
         ])]
    }
}
