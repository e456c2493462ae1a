import Foundation
import Testing
import VantageCore
import VantageDetector
import VantageFormats
@testable import VantageOrchestrator

/// The launch plan takes the command and the checks of each kind from the detector's recipe: the
/// two kinds added by one entry each (Gradle, PHP) start as their recipe says, and a missing tool
/// is named with where to get it, before anything is started.
@Suite struct LaunchRecipeTests {
    /// A folder on PATH holding one executable file per name (what `which` looks for).
    func pathWith(_ programs: [String], in f: Fixture) throws -> String {
        let bin = f.root + "/bin-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for program in programs {
            FileManager.default.createFile(atPath: bin + "/" + program, contents: Data("#!/bin/sh\n".utf8),
                                           attributes: [.posixPermissions: 0o755])
        }
        return bin
    }

    @Test func aPHPProjectStartsThePHPServerOnItsPortOrSaysPHPIsMissing() throws {
        let f = Fixture()
        defer { try? FileManager.default.removeItem(atPath: f.root) }
        let dir = f.project("shop", files: ["composer.json": #"{"name": "acme/shop"}"#, "public/index.php": "<?php echo 1;\n"]).path
        let project = try #require(ProjectDetector.detect(folder: dir).projects.first)
        #expect(project.kinds == [.php])

        let plan = try LaunchPlan.make(project: project, config: ProjectConfig(), directory: dir, path: try pathWith(["php"], in: f))
        #expect(plan.processes == [LaunchPlan.Process(name: "main", command: "php -S 127.0.0.1:$PORT -t public", preferredPort: 8000)])

        let empty = try pathWith([], in: f)
        #expect {
            try LaunchPlan.make(project: project, config: ProjectConfig(), directory: dir, path: empty)
        } throws: { error in
            let e = error as? VantageError
            return e?.message == "php is not installed, so shop cannot start" && e?.hint?.contains("php-cli") == true
        }
    }

    @Test func aGradleProjectWithoutACommandTakesItsKindsCommandAndChecksGradle() throws {
        let f = Fixture()
        defer { try? FileManager.default.removeItem(atPath: f.root) }
        let project = f.project("builds", kinds: [.gradle], files: ["build.gradle": "plugins { id 'application' }\n"])
        let empty = try pathWith([], in: f)
        #expect {
            try LaunchPlan.make(project: project, config: ProjectConfig(), directory: project.path, path: empty)
        } throws: { error in
            (error as? VantageError)?.message == "gradle is not installed, so builds cannot start"
        }
        let plan = try LaunchPlan.make(project: project, config: ProjectConfig(), directory: project.path, path: try pathWith(["gradle"], in: f))
        #expect(plan.processes.map(\.command) == ["gradle run"])
        // With the wrapper committed, the wrapper runs and nothing needs to be installed.
        FileManager.default.createFile(atPath: project.path + "/gradlew", contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        let wrapped = try LaunchPlan.make(project: project, config: ProjectConfig(), directory: project.path, path: empty)
        #expect(wrapped.processes.map(\.command) == ["./gradlew run"])
    }

    @Test func aPythonCommandGetsUnbufferedOutputInAProjectOfAnyKind() throws {
        let f = Fixture()
        defer { try? FileManager.default.removeItem(atPath: f.root) }
        let project = f.project("tool", kinds: [.command], command: "python3.12 tool.py")
        let plan = try LaunchPlan.make(project: project, config: ProjectConfig(), directory: project.path, path: "/usr/bin:/bin")
        #expect(plan.kindEnvironment["PYTHONUNBUFFERED"] == "1")
        let shell = f.project("shell", kinds: [.command], command: "./pythonic.sh")
        #expect(try LaunchPlan.make(project: shell, config: ProjectConfig(), directory: shell.path, path: "/usr/bin:/bin").kindEnvironment.isEmpty)
    }
}
