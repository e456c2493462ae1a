import Foundation
import Testing
import VantageCore
import VantageDetector
@testable import VantageDependencies

/// The dependency scanner reads the manifests of every kind the detector knows: on each project of
/// the detector's scan tree, the run-time dependencies `vantage deps` finds are the ones the scan
/// lists. A kind added to the detector whose manifest the dependency scanner cannot read fails here.
@Suite struct DependenciesDetectorAgreementTests {
    static let tree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("VantageDetectorTests/Fixtures/scan-tree").path

    func names(_ dependencies: [Dependency]) -> Set<String> { Set(dependencies.map(\.name)) }

    @Test(arguments: ["java-gradle", "gradle-kotlin", "php-app", "php-script", "java-maven", "go-svc", "rust-crate"])
    func theDependencyScannerFindsWhatTheDetectorLists(folder: String) throws {
        let project = try #require(ProjectDetector.detect(folder: Self.tree + "/" + folder).projects.first)
        #expect(!project.dependencies.isEmpty)
        let inventory = DependencyInventory(scanning: project.path, useInstalledVersions: false)
        #expect(inventory.errors.isEmpty, "\(inventory.errors)")
        let direct = inventory.dependencies.filter { $0.isDirect && !$0.isDev && $0.source.hasPrefix(project.path + "/") }
        #expect(Set(direct.map(\.name)) == names(project.dependencies), "\(folder)")
    }

    @Test func gradleBuildsAreReadWithTheirTestDependenciesMarkedDev() throws {
        let inventory = DependencyInventory(scanning: Self.tree + "/gradle-kotlin", useInstalledVersions: false)
        let byName = Dictionary(uniqueKeysWithValues: inventory.dependencies.map { ($0.name, $0) })
        #expect(byName["io.ktor:ktor-server-netty"]?.version == "2.3.12")
        #expect(byName["io.ktor:ktor-server-netty"]?.ecosystem == .maven)
        #expect(byName["org.jetbrains.kotlin:kotlin-test"]?.isDev == true)
        #expect(inventory.manifests.map(\.format) == [.gradleBuild])
    }
}
