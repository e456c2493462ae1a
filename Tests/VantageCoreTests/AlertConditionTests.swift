import Testing
@testable import VantageCore

/// `[[alerts]] when = "…"`: every form the README shows is read, and every value that could
/// reach the evaluator as a trap (negative, infinite, out of range, a unit that means nothing)
/// is refused in words.
@Suite struct AlertConditionTests {
    func parsed(_ text: String) throws -> AlertCondition { try AlertCondition.parse(text).get() }

    @Test func theDocumentedFormsAreRead() throws {
        let cpu = try parsed("cpu > 80% for 2m")
        #expect(cpu.metric == .cpu && cpu.comparison == .above && cpu.threshold == 80 && cpu.sustained == 120)
        let memory = try parsed("memory >= 512MB for 30s")
        #expect(memory.threshold == 512 * 1024 * 1024 && memory.memoryUnit == .bytes && memory.sustained == 30)
        let share = try parsed("memory > 75%")
        #expect(share.memoryUnit == .percentOfMachine && share.threshold == 75 && share.sustained == 0)
        let restarts = try parsed("restarts > 3 per hour")
        #expect(restarts.metric == .restarts && restarts.threshold == 3)
        let errors = try parsed("errors > 10 per minute")
        #expect(errors.metric == .errors && errors.threshold == 10)
        let health = try parsed("health < 50 for 1h")
        #expect(health.comparison == .below && health.threshold == 50 && health.sustained == 3600)
        #expect(try parsed("  CPU   <=  5  ").text == "CPU <= 5")
        let vulnerability = try parsed("New  Vulnerability")
        #expect(vulnerability.metric == .newVulnerability && vulnerability.text == "new vulnerability" && vulnerability.sustained == 0)
        #expect(try parsed("new vulnerabilities").metric == .newVulnerability)
    }

    @Test(arguments: ["new vulnerability > 2", "new vulnerability for 2m", "new vulnerabilitys", "new vulnerability >= HIGH"])
    func aNewVulnerabilityRuleTakesNoValue(text: String) {
        guard case .failure(let error) = AlertCondition.parse(text) else {
            Issue.record("\"\(text)\" was read")
            return
        }
        #expect(error.message.contains("\"new vulnerability\" alone"), "\(error.message)")
    }

    @Test func comparisonsHoldAsWritten() {
        #expect(AlertCondition.Comparison.above.holds(81, 80) && !AlertCondition.Comparison.above.holds(80, 80))
        #expect(AlertCondition.Comparison.atLeast.holds(80, 80))
        #expect(AlertCondition.Comparison.below.holds(49, 50) && !AlertCondition.Comparison.below.holds(50, 50))
        #expect(AlertCondition.Comparison.atMost.holds(50, 50))
    }

    @Test(arguments: [
        ("", "is not a condition"),
        ("cpu > ", "is not a condition"),
        ("disk > 80%", "\"disk\" is not a metric"),
        ("cpu => 80%", "\"=>\" is not a comparison"),
        ("cpu > -1%", "is not a number"),
        ("cpu > inf", "is not a number"),
        ("cpu > nan", "is not a number"),
        ("cpu > 1e400", "percentage of one core"),
        ("cpu > 200000%", "beyond any machine"),
        ("cpu > 80MB", "percentage of one core"),
        ("memory > 12parsecs", "is not a memory unit"),
        ("memory > 150%", "more than all of the machine's memory"),
        ("memory > 99999999TB", "beyond any machine"),
        ("restarts > 3", "counted per hour"),
        ("restarts > 3 per minute", "counted per hour"),
        ("restarts > 2.5 per hour", "whole count"),
        ("errors > 10 per minute for 2m", "already counted over a window"),
        ("health < 150", "score from 0 to 100"),
        ("cpu > 80% for 0s", "more than 0 and at most 24h"),
        ("cpu > 80% for 25h", "more than 0 and at most 24h"),
        ("cpu > 80% for -2m", "is not a duration"),
        ("cpu > 80% for 2 minutes", "is not understood"),
        ("cpu > 80% during 2m", "is not understood"),
        ("cpu > 80% for 2d", "is not a duration"),
    ])
    func badConditionsAreRefusedInWords(text: String, expected: String) {
        guard case .failure(let error) = AlertCondition.parse(text) else {
            Issue.record("\"\(text)\" was accepted")
            return
        }
        #expect(error.message.contains(expected), "\(text): \(error.message)")
    }
}
