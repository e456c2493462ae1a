import Foundation
import Testing
import VantageCore
@testable import VantageFormats

@Suite("[deploy] in .vantage.toml")
struct DeploySettingsTests {
    func reading(_ text: String) throws -> ProjectConfigReading {
        let root = try TOMLParser.parse(text, file: ".vantage.toml")
        return ProjectConfigReader.check(root, file: ".vantage.toml", projectPath: "/p", allowPathsOutside: false)
    }

    @Test("every field reads into typed values; durations take seconds or 30s / 10m / 1h")
    func fullTable() throws {
        let fuzzSeed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz/Seeds/project/deploy.vantage.toml").path
        let r = try reading(try String(contentsOfFile: fuzzSeed, encoding: .utf8))
        #expect(r.errors.isEmpty && r.warnings.isEmpty, "\(r.errors) \(r.warnings)")
        let d = try #require(r.config.deploy)
        #expect(d.strategy == .release && d.strategyLocation?.line == 6 && d.strategyLocation?.field == "deploy.strategy")
        #expect(d.target == "../deploys/shop" && d.keep == 5 && d.reload == .sighup)
        #expect(d.shared == [".env", "storage/uploads"])
        #expect(d.healthcheck == .http(path: "/health", port: 8000) && d.healthcheckTimeout == 30)
        #expect(d.steps == [.init(name: "install", command: "python3 -m pip install -r requirements.txt", timeout: 600),
                            .init(name: "test", command: "python3 -m pytest -q", timeout: 300)])
    }

    @Test("short forms: steps as commands, healthcheck as a path or a command; no [deploy] gives nil")
    func shortForms() throws {
        let d = try #require(try reading("[deploy]\nsteps = [\"make\", \"make test\"]\nhealthcheck = \"/up\"\n").config.deploy)
        #expect(d.steps == [.init(name: "step 1", command: "make"), .init(name: "step 2", command: "make test")])
        #expect(d.healthcheck == .http(path: "/up", port: nil))
        #expect(d.strategy == .release && d.keep == 5 && d.steps?.first?.timeout == 600)
        let c = try #require(try reading("[deploy]\nhealthcheck = { command = \"curl -fs localhost:8000\" }\n").config.deploy)
        #expect(c.healthcheck == .exec(command: "curl -fs localhost:8000") && c.steps == nil)
        #expect(try reading("command = \"x\"\n").config.deploy == nil)
    }

    @Test("bad values are errors naming the line and field; unknown keys are warnings with the nearest key")
    func errors() throws {
        let r = try reading("""
            [deploy]
            strategy = "canary"
            keep = 0
            shared = ["../etc", "/abs"]
            reload = "usr1"
            healthcheck = "health"
            healthcheck_timeout = "2 weeks"
            stpes = []
            steps = [{ name = "x" }, 3, { command = "ok", timeout = "25h" }]
            """)
        let found = r.errors.map { "\($0.location?.line ?? 0):\($0.location?.field ?? "")" }
        #expect(found == ["2:deploy.strategy", "3:deploy.keep", "4:deploy.shared", "4:deploy.shared", "5:deploy.reload", "6:deploy.healthcheck",
                          "7:deploy.healthcheck_timeout", "9:deploy.steps.command", "9:deploy.steps", "9:deploy.steps.timeout"])
        try #require(r.errors.count > 2)
        #expect(r.errors[0].message.contains("canary") && r.errors[0].hint?.contains("blue-green") == true)
        #expect(r.errors[1].message.contains("from 1 to 1000"))
        #expect(r.warnings.map { $0.location?.field } == ["deploy.stpes"])
        #expect(r.warnings.first?.hint?.contains("steps") == true)
    }
}
