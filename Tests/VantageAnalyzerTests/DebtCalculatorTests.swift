import Testing
import VantageAnalyzer

@Suite struct DebtCalculatorTests {
    @Test func sonarQubeWorkedExamples() {
        let calc = DebtCalculator()
        let a = calc.summary(debtMinutes: 12_000, linesOfCode: 10_000)
        #expect(abs(a.ratio - 0.04) < 1e-12)
        #expect(a.rating == .A)
        let b = calc.summary(debtMinutes: 16_000, linesOfCode: 10_000)
        #expect(abs(b.ratio - 0.053333) < 1e-6)
        #expect(b.rating == .B)
    }

    @Test func debtIsTheSumOfRemediationMinutes() {
        let items = [
            RemediationItem(kind: "long-function", file: "a.swift", line: 3, minutes: 20),
            RemediationItem(kind: "catch-all", file: "a.swift", line: 9, minutes: 10),
            RemediationItem(kind: "missing-license", file: ".", line: 0, minutes: 15),
        ]
        let s = DebtCalculator().summary(items: items, linesOfCode: 100)
        #expect(s.debtMinutes == 45)
        #expect(abs(s.ratio - 45.0 / 3000.0) < 1e-12)
        #expect(DebtCalculator.debtByFile(items) == ["a.swift": 30, ".": 15])
    }

    @Test func ratingThresholdsAreInclusiveUpperBounds() {
        #expect(DebtRating(ratio: 0) == .A)
        #expect(DebtRating(ratio: 0.05) == .A)
        #expect(DebtRating(ratio: 0.0500001) == .B)
        #expect(DebtRating(ratio: 0.10) == .B)
        #expect(DebtRating(ratio: 0.20) == .C)
        #expect(DebtRating(ratio: 0.50) == .D)
        #expect(DebtRating(ratio: 0.51) == .E)
    }

    @Test func minutesPerLineIsConfigurable() {
        let s = DebtCalculator(minutesPerLine: 60).summary(debtMinutes: 12_000, linesOfCode: 10_000)
        #expect(abs(s.ratio - 0.02) < 1e-12)
    }

    @Test func debtWithoutCodeIsRatedE() {
        let s = DebtCalculator().summary(debtMinutes: 10, linesOfCode: 0)
        #expect(s.rating == .E)
        #expect(DebtCalculator().summary(debtMinutes: 0, linesOfCode: 0).rating == .A)
    }

    @Test func linesOfCodeSkipBlankAndCommentLines() {
        let text = "import os\n\n# comment\n   // note\n/* block\n * inside\n */\nx = 1  # trailing\n"
        #expect(LinesOfCode.count(text) == 2)
    }
}
