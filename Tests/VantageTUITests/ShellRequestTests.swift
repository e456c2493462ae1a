import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// `!` (issue 12 §7): a shell request for the runtime, or why there is none.
@Suite("Shell: ! asks the runtime for a shell in the project")
struct ShellRequestTests {
    @Test func aFolderProjectAsksForAShellInItsFolderWithItsEnvironmentAndPort() throws {
        var s = GoldenFixture.state()
        let api = GoldenFixture.id("api")
        s.environments[api] = EnvironmentList(available: ["development", "staging"], current: "staging")
        s.portsInUse[api] = [3001]
        let commands = Update.apply(.action(.shell), to: &s)
        #expect(commands.isEmpty)
        let request = try #require(s.shellRequest)
        #expect(request.project.id == api && request.environment == "staging" && request.ports == [3001] && request.container == nil)
        #expect(s.notice?.text == "opening a shell in /work/examples/api")
    }

    @Test func aRemoteProjectAComposeFolderAndAStoppedContainerSayWhy() {
        var s = SilentKeyTests.quiet()
        _ = Update.apply(.event(.discovered(source: "host:build", projects: [
            { var p = Project(name: "far", path: "/srv/far", kinds: [.node]); p.host = "build"; return p }()])), to: &s)
        s.selectedProject = s.projects.first { $0.name == "far" }?.id
        _ = Update.apply(.action(.shell), to: &s)
        #expect(s.shellRequest == nil)
        #expect(s.notice?.text == "shell: far runs on build: a shell here would run on this machine, not there (ssh build, then cd /srv/far)",
                "\(String(describing: s.notice))")
        s.selectedProject = SilentKeyTests.db
        _ = Update.apply(.action(.shell), to: &s)
        #expect(s.notice?.text == "shell: container db is stopped: docker exec needs it running")
        s.runStates[SilentKeyTests.db] = .running
        _ = Update.apply(.action(.shell), to: &s)
        #expect(s.shellRequest?.container == "db")
        var compose = GoldenFixture.state()
        compose.selectedProject = GoldenFixture.id("stack")
        _ = Update.apply(.action(.shell), to: &compose)
        #expect(compose.shellRequest == nil)
        #expect(compose.notice?.text.hasPrefix("shell: stack is a compose project: select one of its containers") == true)
    }
}
