import Foundation
import VantageCore
@testable import VantageTUI

extension GoldenFixture {
    /// Output of `api` for the log viewer goldens: ordinary lines, a stderr error, a warning and a
    /// line long enough to wrap at 80 columns.
    static var apiLogs: [Event] {
        let texts: [(String, LogLine.Stream)] = [
            ("> api@1.4.2 start", .stdout),
            ("> node server.js", .stdout),
            ("connecting to db at postgres://localhost:5432/app", .stdout),
            ("listening on http://localhost:3000", .stdout),
            ("GET /health 200 2ms", .stdout),
            ("GET /users?page=2&limit=50&sort=created_at&order=desc&include=profile,settings,teams 200 48ms", .stdout),
            ("warn: db pool at 90% (18/20 connections), consider raising POOL_MAX", .stdout),
            ("Error: query timeout after 5000ms", .stderr),
            ("    at Pool.query (node_modules/pg-pool/index.js:45:11)", .stderr),
            ("GET /health 200 1ms", .stdout),
        ]
        return texts.enumerated().map { i, t in
            .log(LogLine(time: time(30 + i / 3), project: id("api"), stream: t.1, text: t.0))
        }
    }
}
