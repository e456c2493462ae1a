import Testing
@testable import VantageCore

@Suite struct HealthTests {
    @Test func aProjectThatDoesNotRunHasNoHealth() {
        for state in [RunState.stopped, .stopping, .paused] {
            let h = Health.of(Health.Inputs(state: state, recentErrors: 3, cpuPercent: 400))
            #expect(h.value == nil && h.text == "n/a", "\(state)")
            #expect(h.reasons == ["\(state.rawValue): health is measured while a project runs"])
        }
    }

    @Test func theFormulaTakesItsPartsAndSaysWhy() {
        #expect(Health.of(Health.Inputs(state: .ready)) == Health(value: 100, reasons: ["no problems seen"]))
        let h = Health.of(Health.Inputs(state: .ready, recentRestarts: 2, recentErrors: 1, recentWarnings: 4, cpuPercent: 90))
        #expect(h.value == 100 - 10 - 15 - 15 - 20)
        #expect(h.reasons == ["-10 2 crashes in the last hour", "-15 1 error in the last 10 min", "-15 4 warnings in the last 10 min",
                              "-20 CPU at 90 % of a core"])
        #expect(Health.of(Health.Inputs(state: .failed)).value == 40)
        #expect(Health.of(Health.Inputs(state: .failed, recentErrors: 9)).value == 0, "clamped at 0")
    }

    @Test func cpuWhileCompilingDoesNotCount() {
        // `cargo run` compiles for a minute before it listens: starting, or running but not ready yet.
        #expect(Health.of(Health.Inputs(state: .starting, cpuPercent: 190)).value == 100)
        #expect(Health.of(Health.Inputs(state: .running, cpuPercent: 190)).value == 90, "only the not-ready-yet part")
        #expect(Health.of(Health.Inputs(state: .ready, cpuPercent: 190)).value == 80)
    }

    @Test func memoryAgainstItsLimitOrTheMachine() {
        #expect(Health.of(Health.Inputs(state: .ready, rssBytes: 95, memoryLimitBytes: 100)).value == 80)
        #expect(Health.of(Health.Inputs(state: .ready, rssBytes: 80, memoryLimitBytes: 100)).value == 90)
        #expect(Health.of(Health.Inputs(state: .ready, rssBytes: 25, machineMemoryBytes: 100)).value == 85)
    }
}

@Suite struct WorkTextTests {
    @Test func durationsInOneFormat() {
        #expect(WorkText.duration(minutes: 150) == "2h 30m")
        #expect(WorkText.duration(minutes: 0) == "0m")
        #expect(WorkText.duration(minutes: 480 + 120) == "1d 2h")
        #expect(WorkText.duration(minutes: 150, units: 1) == "2h")
        #expect(ProjectInsight.duration(45) == "45m" && ProjectInsight.duration(1000) == "2d")
    }

    @Test func countsInTheRightNumber() {
        #expect(WorkText.count(1, "dependency") == "1 dependency")
        #expect(WorkText.count(2, "dependency") == "2 dependencies")
        #expect(WorkText.count(0, "file") == "0 files")
        #expect(WorkText.count(1, "file") == "1 file")
        #expect(WorkText.count(3, "day") == "3 days")
        #expect(WorkText.count(2, "match") == "2 matches")
        #expect(WorkText.count(2, "person", "people") == "2 people")
    }
}
