import Foundation
import Testing
@testable import VantageCore

/// The cron reader against Python's croniter: 500 generated expressions × 20 start times in six
/// zones (daylight-saving jumps, repeated hours, half-hour shifts, month and year ends, leap days),
/// the next 3 fire times of each. `Fixtures/cron/croniter-fixture.py` generates them; its output
/// is committed (`croniter-next.json`), and when croniter is installed (scripts/test installs it,
/// and requires it under CI=true) the script is run again here and its fresh answers compared too.
@Suite struct CronExpressionCroniterTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cron")
    static let script = folder.appendingPathComponent("croniter-fixture.py").path
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"
    static let croniterInstalled = (try? ChildProcess.run(["python3", "-c", "import croniter"], stderr: .discarded))?.succeeded == true

    struct Fixture: Decodable {
        struct Start: Decodable { var zone: String; var local: String; var epoch: Int }
        struct Case: Decodable { var expression: String; var next: [[Int]] }
        var croniter: String
        var starts: [Start]
        var expressions: [Case]
    }

    @Test func agreesWithTheCommittedCroniterAnswers() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("croniter-next.json"))
        let fixture = try JSONDecoder().decode(Fixture.self, from: data)
        #expect(fixture.expressions.count == 500)
        #expect(fixture.starts.count == 20)
        try compare(fixture)
    }

    @Test(.enabled(if: croniterInstalled || required, "needs python3 with croniter (pip install croniter==7.0.0; scripts/test installs it)"),
          .timeLimit(.minutes(10)))
    func agreesWithCroniterRunNow() async throws {
        let result = try await ChildProcess.runOffThePool(["python3", Self.script], stderr: .discarded, timeout: 540)
        #expect(result.succeeded, "croniter-fixture.py failed: \(result.output.suffix(500))")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(result.output.utf8))
        #expect(fixture.expressions.count == 500)
        try compare(fixture)
    }

    private func compare(_ fixture: Fixture) throws {
        let zones = try Dictionary(uniqueKeysWithValues: Set(fixture.starts.map(\.zone)).map { name in
            (name, try #require(TimeZone(identifier: name), "no time zone \(name) here"))
        })
        var mismatches: [String] = []
        for c in fixture.expressions {
            let cron: CronExpression
            do { cron = try CronExpression(c.expression) } catch {
                mismatches.append("\(c.expression): refused (\(error)), croniter reads it")
                continue
            }
            for (start, expected) in zip(fixture.starts, c.next) {
                let zone = zones[start.zone]!
                var at = Date(timeIntervalSince1970: Double(start.epoch))
                var got: [Int] = []
                for _ in 0 ..< 3 {
                    guard let next = cron.next(after: at, offset: { zone.secondsFromGMT(for: $0) }) else { break }
                    got.append(Int(next.timeIntervalSince1970))
                    at = next
                }
                if got != expected {
                    mismatches.append("\(c.expression) from \(start.local) \(start.zone): got \(got), croniter \(expected)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) disagreements, first: \(mismatches.prefix(10).joined(separator: "\n"))")
    }
}
