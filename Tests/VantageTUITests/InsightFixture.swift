import Foundation
import VantageCore

/// Fixed analyzer insights for the golden screens and the insight tests.
enum InsightFixture {
    static func insight(_ project: ProjectID, time: Date, rating: String, minutes: Int, vulnerable: [String: Int] = [:],
                        checked: Bool = true) -> ProjectInsight {
        ProjectInsight(
            project: project, time: time,
            quality: .init(files: 12, functions: 85, averageCCN: 2.4, maxCCN: 17,
                           worstFunctions: [.init(name: "handleRequest", file: "src/server.js", line: 42, ccn: 17),
                                            .init(name: "parseArgs", file: "src/cli.js", line: 7, ccn: 11),
                                            .init(name: "render", file: "src/view.js", line: 120, ccn: 6),
                                            .init(name: "main", file: "src/index.js", line: 1, ccn: 2)],
                           smells: 4, smellsByKind: ["high-complexity": 2, "long-function": 1, "duplicated-block": 1]),
            debt: .init(minutes: minutes, ratio: Double(minutes) / (30 * 1234), rating: rating, linesOfCode: 1234,
                        hotspots: ["src/server.js (84)", "src/cli.js (22)"], trend: [90, 120, minutes]),
            documentation: 0.62, coveragePercent: 81,
            dependencies: .init(count: 24, checked: checked, vulnerableBySeverity: vulnerable, unchecked: checked ? 3 : 0,
                                unknownLicences: 4, licences: ["MIT": 18, "ISC": 2], conflicts: 0, lockProblems: 1,
                                note: checked ? nil : "not checked (no advisory database: run vantage deps db import DIR)",
                                vulnerablePackages: vulnerable.isEmpty ? [] : [
                                    .init(ecosystem: "npm", name: "lodash", version: "4.17.4", severity: "CRITICAL",
                                          advisories: ["GHSA-jf85-cpcp-j695"], fixedIn: "4.17.12"),
                                    .init(ecosystem: "npm", name: "minimist", version: "0.0.8", severity: "HIGH",
                                          advisories: ["GHSA-vh95-rmgr-6w4m", "GHSA-xvch-5gv4-984h"], fixedIn: "1.2.6"),
                                ]),
            status: "analysed 12 files in 0.3 s")
    }

    /// Insights for three of the golden projects (worker is left "not analysed yet").
    static func golden(at time: Date) -> [Event] {
        [
            .insight(insight(GoldenFixture.id("api"), time: time, rating: "B", minutes: 150,
                             vulnerable: ["CRITICAL": 1, "HIGH": 2])),
            .insight(insight(GoldenFixture.id("web"), time: time, rating: "A", minutes: 45, checked: false)),
            .insight(insight(GoldenFixture.id("shop"), time: time, rating: "D", minutes: 1_200)),
        ]
    }
}
