import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageDetector

/// The one detector: every folder kind has exactly one entry, the file-name check (what the
/// practice checker uses) agrees with the full detection (what the scanner and the daemon use),
/// and the two kinds added through the recipe, Gradle and PHP, are detected, started and probed.
@Suite struct ProjectDetectorTests {
    static let tree = ScannerTests.tree

    @Test func everyFolderKindHasExactlyOneEntry() {
        let listed = ProjectDetector.entries.map(\.kind)
        #expect(Set(listed).count == listed.count, "a kind is listed twice: \(listed)")
        #expect(Set(listed) == Set(ProjectKind.allCases).subtracting([.container, .command]),
                "container (from the Docker engine) and command (a bare .vantage.toml) are the only kinds no entry detects")
    }

    @Test func theFileNameCheckAndTheFullDetectionAgreeOnEveryFixture() throws {
        let scan = try ProjectScanner().scan(roots: [Self.tree])
        #expect(scan.projects.count >= 20)
        for project in scan.projects where project.kinds != [.command] {
            let files = try #require(ProjectScanner.regularFiles(in: project.path))
            #expect(ProjectDetector.kinds(files: files) == project.kinds, "\(project.path)")
            // The daemon and the launch plan detect one folder; they see what the scanner saw.
            #expect(ProjectDetector.detect(folder: project.path).projects == [project], "\(project.path)")
        }
    }

    @Test func gradleKotlinBuild() throws {
        let kotlin = try #require(ProjectDetector.detect(folder: Self.tree + "/gradle-kotlin").projects.first)
        #expect(kotlin.kinds == [.gradle])
        #expect(kotlin.languages == ["kotlin"], "the sources are under src/main/kotlin")
        #expect(kotlin.command == "gradle run", "no wrapper in the folder")
        #expect(kotlin.dependencies == [Dependency(ecosystem: "maven", name: "io.ktor:ktor-server-netty", version: "2.3.12")],
                "testImplementation is not a run-time dependency")
        #expect(kotlin.ports == [])
        #expect(ProjectDetector.defaultReadiness(kind: .gradle, ports: kotlin.ports) == nil, "no port: ready once started")
    }

    @Test func phpWithTheBuiltInServer() throws {
        let shop = try #require(ProjectDetector.detect(folder: Self.tree + "/php-app").projects.first)
        #expect(shop.name == "shop", "vendor/name gives the name")
        #expect(shop.kinds == [.php])
        #expect(shop.languages == ["php"])
        #expect(shop.command == "php -S 127.0.0.1:$PORT -t public")
        #expect(shop.ports == [8000], "the built-in server listens on $PORT, 8000 without a .env PORT")
        #expect(shop.dependencies == [Dependency(ecosystem: "packagist", name: "slim/slim", version: "^4.12")],
                "php and ext-json are platform requirements and phpunit a dev one")
        #expect(ProjectDetector.defaultReadiness(kind: .php, ports: shop.ports) == .tcp(port: nil))
    }

    @Test func phpWithAComposerStartScript() throws {
        let worker = try #require(ProjectDetector.detect(folder: Self.tree + "/php-script").projects.first)
        #expect(worker.name == "worker")
        #expect(worker.command == "composer start")
        #expect(worker.ports == [8090], "the .env PORT is the project's port")
        #expect(worker.dependencies == [Dependency(ecosystem: "packagist", name: "monolog/monolog", version: "^3.5")])
    }

    @Test func composeIsNotProbedByDefaultAndOtherKindsConnectToTheirPort() {
        #expect(ProjectDetector.defaultReadiness(kind: .compose, ports: [8080]) == nil,
                "Docker publishes the port before the service listens, so a connect proves nothing")
        #expect(ProjectDetector.defaultReadiness(kind: .node, ports: [3000]) == .tcp(port: nil))
        #expect(ProjectDetector.defaultReadiness(kind: .command, ports: [7000]) == .tcp(port: nil))
    }

    @Test func theRecipesNameTheToolsOfTheNewKinds() throws {
        #expect(ProjectDetector.tool(named: "gradle")?.install.contains("gradle.org") == true)
        #expect(ProjectDetector.tool(named: "php")?.install.contains("php") == true)
        #expect(ProjectDetector.tool(named: "composer")?.install.contains("getcomposer.org") == true)
        #expect(ProjectDetector.tool(named: "./gradlew") == nil, "the wrapper is the project's own file")
        #expect(ProjectDetector.defaultCommand(kinds: [.gradle], folder: Self.tree + "/java-gradle") == "./gradlew run")
        #expect(ProjectDetector.defaultCommand(kinds: [.php], folder: Self.tree + "/php-app") == "php -S 127.0.0.1:$PORT -t public")
    }

    @Test func aFolderThatIsNoProjectIsReportedAsSuch() {
        let result = ProjectDetector.detect(folder: Self.tree + "/vendor")
        #expect(result.projects.isEmpty)
        #expect(result.warnings.isEmpty)
    }
}
