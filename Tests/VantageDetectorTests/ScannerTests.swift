import Foundation
import Testing
import VantageCore
@testable import VantageDetector

/// The scanner on `Fixtures/scan-tree`: a folder tree with every kind, skipped folders, a
/// too-deep project and malformed manifests.
@Suite struct ScannerTests {
    static let tree = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/scan-tree").path
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples").path

    let result: ScanResult

    init() throws {
        result = try ProjectScanner().scan(roots: [Self.tree])
    }

    func project(_ folder: String) throws -> Project {
        try #require(result.projects.first { $0.path == Self.tree + "/" + folder }, "no project at \(folder)")
    }

    @Test func findsExactlyTheProjectFoldersAndSkipsTheRest() {
        let found = Set(result.projects.map { String($0.path.dropFirst(Self.tree.count + 1)) })
        #expect(found == [
            "broken/bad-compose", "broken/bad-json", "broken/bad-toml", "command-only", "compose-app",
            "docker-only", "go-svc", "gradle-kotlin", "java-gradle", "java-maven", "node-app", "node-main",
            "php-app", "php-script", "procfile-default", "procfile-py", "py-django", "py-pep621", "py-poetry", "rust-crate", "swift-pkg",
        ])
        // node_modules, .venv, a virtualenv named env (pyvenv.cfg), .build, target, vendor, dist, hidden folders:
        for skipped in ["node_modules", ".venv", "tools/env", ".build", "target", "vendor", "dist", ".hidden-project"] {
            #expect(!result.projects.contains { $0.path.contains("/" + skipped) }, "descended into \(skipped)")
        }
        #expect(result.projects.map(\.path) == result.projects.map(\.path).sorted())
    }

    @Test func depthLimitsHowFarTheWalkGoes() throws {
        #expect(!result.projects.contains { $0.name == "too-deep" }, "deep/a/b/c/d is 5 levels down; the default depth is 4")
        let deeper = try ProjectScanner().scan(roots: [Self.tree], maxDepth: 5)
        #expect(deeper.projects.contains { $0.name == "too-deep" && $0.command == "node x.js" })
        let shallow = try ProjectScanner().scan(roots: [Self.tree], maxDepth: 1)
        #expect(!shallow.projects.contains { $0.path.contains("/broken/") })
        #expect(shallow.projects.contains { $0.name == "storefront" })
        let rootOnly = try ProjectScanner().scan(roots: [Self.tree + "/node-app"], maxDepth: 0)
        #expect(rootOnly.projects.map(\.name) == ["storefront"])
    }

    @Test func node() throws {
        let app = try project("node-app")
        #expect(app.name == "storefront")
        #expect(app.kinds == [.node])
        #expect(app.command == "npm start")
        #expect(app.ports == [3000])
        #expect(app.dependencies == [
            Dependency(ecosystem: "npm", name: "express", version: "^4.19.2"),
            Dependency(ecosystem: "npm", name: "left-pad", version: "1.3.0"),
            Dependency(ecosystem: "npm", name: "jest", version: "^29.7.0"),
        ])
        let main = try project("node-main")
        #expect(main.name == "node-main")
        #expect(main.command == "node lib/index.js")
    }

    @Test func python() throws {
        let django = try project("py-django")
        #expect(django.kinds == [.python])
        #expect(django.command == "python manage.py runserver")
        #expect(django.dependencies == [
            Dependency(ecosystem: "pypi", name: "Django", version: "==5.0.1"),
            Dependency(ecosystem: "pypi", name: "psycopg", version: ">=3.1"),
            Dependency(ecosystem: "pypi", name: "urllib3", version: "==1.26.5"),
        ])
        let pep621 = try project("py-pep621")
        #expect(pep621.name == "billing")
        #expect(pep621.command == "python main.py")
        #expect(pep621.dependencies == [
            Dependency(ecosystem: "pypi", name: "urllib3", version: "==1.26.5"),
            Dependency(ecosystem: "pypi", name: "click", version: ">=8.0"),
            Dependency(ecosystem: "pypi", name: "rich", version: "~=13.7"),
            Dependency(ecosystem: "pypi", name: "pytest", version: "==8.0.0"),
        ])
        let poetry = try project("py-poetry")
        #expect(poetry.name == "ledger")
        #expect(poetry.command == nil)
        #expect(poetry.dependencies == [
            Dependency(ecosystem: "pypi", name: "requests", version: "^2.31"),
            Dependency(ecosystem: "pypi", name: "fastapi", version: "0.110.0"),
        ])
    }

    @Test func goSwiftRust() throws {
        let go = try project("go-svc")
        #expect(go.name == "inventory")
        #expect(go.kinds == [.go])
        #expect(go.command == "go run .")
        #expect(go.dependencies == [
            Dependency(ecosystem: "go", name: "github.com/google/uuid", version: "v1.6.0"),
            Dependency(ecosystem: "go", name: "github.com/gorilla/mux", version: "v1.8.1"),
        ], "indirect requirements are not direct dependencies")

        let swift = try project("swift-pkg")
        #expect(swift.name == "Toolbox")
        #expect(swift.kinds == [.swift])
        #expect(swift.command == "swift run")
        #expect(swift.dependencies == [
            Dependency(ecosystem: "swift", name: "swift-argument-parser", version: "1.3.0"),
            Dependency(ecosystem: "swift", name: "GRDB.swift", version: "7.10.0"),
        ], "the commented-out .package line is ignored")

        let rust = try project("rust-crate")
        #expect(rust.name == "crabby")
        #expect(rust.command == "cargo run")
        #expect(rust.dependencies == [
            Dependency(ecosystem: "cargo", name: "serde", version: "1.0"),
            Dependency(ecosystem: "cargo", name: "tokio", version: "1"),
            Dependency(ecosystem: "cargo", name: "local", version: nil),
        ])
    }

    @Test func procfile() throws {
        let py = try project("procfile-py")
        #expect(py.kinds == [.procfile, .python], "the Procfile says how to run it, so it comes first")
        #expect(py.command == "gunicorn app:app --bind 0.0.0.0:$PORT")
        #expect(py.ports == [5050], "$PORT is the .env PORT")
        #expect(py.dependencies == [Dependency(ecosystem: "pypi", name: "flask", version: "==3.1.3")])
        let plain = try project("procfile-default")
        #expect(plain.kinds == [.procfile])
        #expect(plain.command == "ruby app.rb -p ${PORT}", "the web entry wins over the first")
        #expect(plain.ports == [5000], "$PORT without a .env PORT is foreman's default 5000")
    }

    @Test func composeAndDocker() throws {
        let compose = try project("compose-app")
        #expect(compose.kinds == [.compose, .docker])
        #expect(compose.command == "docker compose up")
        // 8080:80, 127.0.0.1:8443:443/tcp, 9000-9001 range, ${API_PORT:-7070}, long syntax published 15432;
        // not the bare container port 6060 nor the `ports:` key inside `environment:`.
        #expect(compose.ports == [7070, 8080, 8443, 9000, 9001, 15432])
        let docker = try project("docker-only")
        #expect(docker.kinds == [.docker])
        #expect(docker.command == "docker build -t docker-only . && docker run --rm docker-only")
    }

    @Test func java() throws {
        let maven = try project("java-maven")
        #expect(maven.name == "orders")
        #expect(maven.kinds == [.java])
        #expect(maven.command == "mvn spring-boot:run")
        #expect(maven.dependencies == [
            Dependency(ecosystem: "maven", name: "org.springframework.boot:spring-boot-starter-web", version: nil),
            Dependency(ecosystem: "maven", name: "com.fasterxml.jackson.core:jackson-databind", version: "2.17.0"),
        ], "managed dependencies are not direct ones")
        #expect(maven.languages == ["java"])
        let gradle = try project("java-gradle")
        #expect(gradle.kinds == [.gradle])
        #expect(gradle.languages == ["java"])
        #expect(gradle.command == "./gradlew run")
        #expect(gradle.dependencies == [Dependency(ecosystem: "maven", name: "com.google.guava:guava", version: "33.0.0-jre")])
    }

    @Test func vantageTomlCommandMakesACommandProject() throws {
        let p = try project("command-only")
        #expect(p.kinds == [.command])
        #expect(p.command == "./run.sh")
        #expect(p.ports == [7000])
    }

    @Test func aJSONErrorAfterMultiByteCharactersNamesItsLine() throws {
        // Linux's JSONSerialization counts the error offset in UTF-8 bytes: emoji and accents
        // before the fault must not move the reported line.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scan-utf8-\(UUID().uuidString)")
        let folder = dir.appendingPathComponent("naive-app")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "{\n  \"name\": \"naïve-app\",\n  \"description\": \"😀😀😀😀😀😀😀😀 café ünïcödé\",\n  \"version\": \"1.0.0\",\n  \"main\": ,\n}\n"
        try text.write(to: folder.appendingPathComponent("package.json"), atomically: true, encoding: .utf8)
        let scan = try ProjectScanner().scan(roots: [dir.path])
        let warning = try #require(scan.warnings.first { $0.location?.file.hasSuffix("naive-app/package.json") == true })
        #expect(warning.location?.line == 5, "the stray comma is on line 5: \(warning)")
    }

    @Test func malformedManifestsBecomeWarningsWithFileAndLineAndTheProjectStays() throws {
        let json = try #require(result.warnings.first { $0.location?.file.hasSuffix("broken/bad-json/package.json") == true })
        #expect(json.location?.line == 4, "the stray word is on line 4")
        #expect(json.message.contains("not valid JSON"))
        let badJSON = try project("broken/bad-json")
        #expect(badJSON.kinds == [.node])
        #expect(badJSON.name == "bad-json", "the folder name stands in for the unreadable one")

        let toml = try #require(result.warnings.first { $0.location?.file.hasSuffix("broken/bad-toml/Cargo.toml") == true })
        #expect(toml.location?.line == 2)
        #expect(toml.location?.field == "package.name")
        #expect(try project("broken/bad-toml").kinds == [.rust])

        let compose = try #require(result.warnings.first { $0.location?.file.hasSuffix("broken/bad-compose/compose.yaml") == true })
        #expect(compose.location?.line == 5)
        #expect(compose.location?.field == "services.web.ports")
        #expect(compose.description.contains("\"1:2:3:4\""))
        #expect(try project("broken/bad-compose").ports == [8081], "the good port on the next line is kept")
        #expect(result.warnings.count == 3)
    }

    @Test func unknownRootThrowsNotFound() {
        #expect(throws: VantageError.self) { try ProjectScanner().scan(roots: [Self.tree + "/no-such-folder"]) }
        do {
            _ = try ProjectScanner().scan(roots: [Self.tree + "/no-such-folder"])
        } catch {
            #expect(error.category == .notFound)
        }
    }

    @Test func examplesWorkspaceScansToItsEightProjects() throws {
        let scan = try ProjectScanner().scan(roots: [Self.examples])
        let byName = Dictionary(uniqueKeysWithValues: scan.projects.map { ($0.name, $0) })
        #expect(scan.warnings.isEmpty, "\(scan.warnings)")
        #expect(Set(byName.keys) == ["node-api", "python-web", "go-service", "swift-tool", "rust-cli",
                                      "procfile-app", "compose-stack", "java-maven"])
        #expect(byName["node-api"]?.ports == [4101])
        #expect(byName["node-api"]?.command == "npm start")
        #expect(byName["python-web"]?.ports == [4102])
        #expect(byName["go-service"]?.ports == [4103])
        #expect(byName["swift-tool"]?.ports == [4104])
        #expect(byName["rust-cli"]?.ports == [4105])
        #expect(byName["procfile-app"]?.kinds == [.procfile, .python])
        #expect(byName["procfile-app"]?.ports == [4106])
        #expect(byName["compose-stack"]?.ports == [4107, 4108])
        #expect(byName["java-maven"]?.ports == [4109])
        let allPorts = scan.projects.flatMap(\.ports)
        #expect(Set(allPorts).count == allPorts.count, "every example has its own port")
    }
}

/// A project whose `.vantage.toml` cannot be read is listed as broken, with a located warning,
/// and the other projects of the workspace are read as if it were not there.
@Suite struct ScannerBrokenConfigTests {
    @Test func aBrokenProjectFileMarksItsProjectAndNothingElse() throws {
        let ws = FileManager.default.temporaryDirectory.appendingPathComponent("scan-broken-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: ws) }
        func write(_ file: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: (ws + "/" + file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: ws + "/" + file, atomically: true, encoding: .utf8)
        }
        try write("api/package.json", "{\"name\": \"api\", \"scripts\": {\"start\": \"node .\"}}")
        try write("api/.vantage.toml", "ports = -1\n")
        try write("nested/.vantage.toml", String(repeating: "a = [", count: 1) + "\n")     // not TOML at all
        try write("worker/.vantage.toml", "comand = \"./work\"\ncommand = \"./work\"\nports = [7001]\n")
        try write("good/.vantage.toml", "command = \"./serve\"\nports = [7000]\n")

        let scan = try ProjectScanner().scan(roots: [ws])
        let byFolder = Dictionary(uniqueKeysWithValues: scan.projects.map { (($0.path as NSString).lastPathComponent, $0) })
        #expect(Set(byFolder.keys) == ["api", "nested", "worker", "good"])

        let api = try #require(byFolder["api"])
        #expect(api.kinds == [.node])
        #expect(api.command == "npm start")
        #expect(api.configProblem == "\(ws)/api/.vantage.toml:1: field 'ports': expected a port number from 1 to 65535, found -1 (for example ports = [8080, 8443])")
        #expect(api.ports == [])
        let nested = try #require(byFolder["nested"])
        #expect(nested.kinds == [.command])
        #expect(nested.command == nil)
        #expect(nested.configProblem?.hasPrefix("\(ws)/nested/.vantage.toml:") == true)

        #expect(byFolder["worker"]?.configProblem == nil, "an unknown key is a warning, not a break")
        #expect(byFolder["worker"]?.ports == [7001])
        #expect(byFolder["good"]?.configProblem == nil)
        #expect(byFolder["good"]?.ports == [7000])

        let warned = Set(scan.warnings.compactMap { $0.location.map { ($0.file as NSString).deletingLastPathComponent } }.map { ($0 as NSString).lastPathComponent })
        #expect(warned == ["api", "nested", "worker"])
        #expect(scan.warnings.contains { $0.description.hasSuffix("field 'comand': unknown key \"comand\" is ignored (did you mean \"command\"?)") })
        #expect(ScanReportEntry(api).broken == api.configProblem)
        #expect(ScanReportEntry(byFolder["good"]!).broken == nil)
    }

    @Test func twoProjectsWithOneNameAreReported() throws {
        let ws = FileManager.default.temporaryDirectory.appendingPathComponent("scan-names-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: ws) }
        for folder in ["a", "b", "c"] {
            try FileManager.default.createDirectory(atPath: ws + "/" + folder, withIntermediateDirectories: true)
            let name = folder == "c" ? "other" : "api"
            try "name = \"\(name)\"\ncommand = \"./run\"\n".write(toFile: ws + "/\(folder)/.vantage.toml", atomically: true, encoding: .utf8)
        }
        let scan = try ProjectScanner().scan(roots: [ws])
        #expect(scan.projects.count == 3)
        #expect(scan.warnings.map(\.description) == [
            "\(ws)/b: field 'name': two projects are named \"api\": \(ws)/a and \(ws)/b; `vantage launch api` cannot tell them apart"
                + " (give one of them another name with name = \"...\" in its .vantage.toml)",
        ])
    }
}
