import Foundation
import Testing
import VantageCore
@testable import VantageDependencies

/// The fixtures folder beside this file.
enum DepsFixtures {
    static let root: String = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        return here.appendingPathComponent("Fixtures/deps").path
    }()
    static func path(_ p: String) -> String { root + "/" + p }
    /// Real OSV advisories (scripts/osv-fixture-subset.sh; licence notice in Fixtures/osv/NOTICE.md).
    static let osv: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/osv").path
    static func inventory(_ folder: String) -> DependencyInventory { DependencyInventory(scanning: materialise(folder)) }

    /// Copies a fixture folder to a temporary one, renaming `*.fixture` files to their real names
    /// (a `Package.swift` cannot sit in a test target: SwiftPM would compile it).
    static func materialise(_ folder: String) -> String {
        let fm = FileManager.default
        let source = path(folder)
        guard let names = try? fm.subpathsOfDirectory(atPath: source), names.contains(where: { $0.hasSuffix(".fixture") }) else { return source }
        let target = NSTemporaryDirectory() + "vantage-deps-\(UUID().uuidString)/" + folder
        try? fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? fm.copyItem(atPath: source, toPath: target)
        for name in names where name.hasSuffix(".fixture") {
            try? fm.moveItem(atPath: target + "/" + name, toPath: target + "/" + String(name.dropLast(".fixture".count)))
        }
        return target
    }
}

extension DependencyInventory {
    func find(_ name: String, _ version: String? = nil) -> PackageDependency? {
        dependencies.first { $0.name == name && (version == nil || $0.version == version) }
    }

    /// Listed or skipped by its environment marker (which depends on the machine's Python).
    func findListedOrSkipped(_ name: String) -> PackageDependency? {
        find(name) ?? skipped.first { $0.dependency.name == name }?.dependency
    }
}

@Suite("Manifest and lock parsing")
struct DependencyManifestTests {
    @Test func packageLockV3WithNestedCopies() throws {
        let inv = DepsFixtures.inventory("npm-v3")
        #expect(inv.errors.isEmpty)
        #expect(inv.dependencies.count == 6)
        let express = try #require(inv.find("express"))
        #expect(express.version == "4.18.2" && express.isDirect && express.requirement == "^4.18.2")
        #expect(inv.find("qs", "6.11.0")?.isDirect == false)       // nested copy under express
        #expect(inv.find("qs", "6.5.3")?.isDirect == false)
        #expect(inv.find("jest")?.isDev == true)
        #expect(inv.find("accepts")?.line == 18)
    }

    @Test func packageLockV1TakesDirectnessFromPackageJSON() throws {
        let inv = DepsFixtures.inventory("npm-v1")
        #expect(inv.errors.isEmpty)
        #expect(inv.find("express")?.isDirect == true)
        #expect(inv.find("qs")?.isDirect == false)
        #expect(inv.find("qs")?.version == "6.11.0")
    }

    @Test func yarnV1AndBerry() throws {
        let v1 = DepsFixtures.inventory("yarn-v1")
        #expect(v1.errors.isEmpty)
        #expect(v1.find("@babel/core")?.version == "7.23.2")
        #expect(v1.find("@babel/core")?.isDirect == true)
        #expect(v1.find("minimist")?.version == "1.2.8")
        #expect(v1.find("json5")?.isDirect == false)
        let berry = DepsFixtures.inventory("yarn-berry")
        #expect(berry.errors.isEmpty)
        #expect(berry.dependencies.count == 3)                       // the workspace entry is the project itself
        #expect(berry.find("react")?.isDirect == true)
        #expect(berry.find("js-tokens")?.version == "4.0.0")
        #expect(berry.requirements.contains { $0.name == "js-tokens" && $0.constraint == "^3.0.0 || ^4.0.0" && $0.requiredBy == "loose-envify 1.4.0" })
    }

    @Test func pnpmV9AndV6() throws {
        let v9 = DepsFixtures.inventory("pnpm-v9")
        #expect(v9.errors.isEmpty)
        #expect(v9.find("@types/node")?.version == "20.8.10")
        #expect(v9.find("axios")?.isDirect == true)
        #expect(v9.find("typescript")?.isDev == true)
        #expect(v9.find("follow-redirects")?.isDirect == false)
        #expect(v9.requirements.contains { $0.name == "follow-redirects" && $0.constraint == "1.15.3" && $0.requiredBy == "axios 1.6.0" })
        let v6 = DepsFixtures.inventory("pnpm-v6")
        #expect(v6.find("react-dom")?.version == "18.2.0")          // peer suffix stripped
        #expect(v6.find("react-dom")?.isDirect == true)
        #expect(v6.find("react")?.isDirect == false)
    }

    @Test func requirementsWithIncludesHashesAndMarkers() throws {
        let inv = DepsFixtures.inventory("python-req")
        #expect(inv.errors.isEmpty)                                  // the include cycle is not an error
        #expect(inv.manifests.count == 1)                            // base.txt is reported via its includer
        #expect(inv.find("Flask")?.version == "2.2.2")               // continuation lines with --hash
        #expect(inv.find("Flask")?.line == 6)
        #expect(inv.findListedOrSkipped("requests")?.version == nil)
        #expect(inv.findListedOrSkipped("requests")?.requirement == ">=2.28,<3")
        #expect(inv.findListedOrSkipped("requests")?.marker == #"python_version >= "3.7""#)
        #expect(inv.findListedOrSkipped("importlib-metadata")?.marker == #"python_version < "3.8""#)
        #expect(inv.find("Jinja2")?.version == "3.1.2")
        #expect(inv.find("zope.interface")?.version == "5.5.2")
        #expect(inv.find("urllib3") == nil)                          // -c constraints add nothing
    }

    @Test func poetryLockWithPyproject() throws {
        let inv = DepsFixtures.inventory("poetry")
        #expect(inv.errors.isEmpty)
        #expect(inv.find("django")?.version == "4.2.6")
        #expect(inv.find("django")?.isDirect == true)
        #expect(inv.find("django")?.requirement == "^4.2")
        #expect(inv.find("pytest")?.isDev == true)
        #expect(inv.find("sqlparse")?.isDirect == false)
        #expect(inv.requirements.contains { $0.name == "asgiref" && $0.constraint == ">=3.6.0,<4" && $0.requiredBy == "django 4.2.6" })
    }

    @Test func pipfileLockUvLockAndPEP621() throws {
        let pipenv = DepsFixtures.inventory("pipenv")
        #expect(pipenv.find("requests")?.version == "2.31.0" && pipenv.find("requests")?.isDirect == true)
        #expect(pipenv.find("certifi")?.isDirect == false)
        #expect(pipenv.find("black")?.isDev == true)
        let uv = DepsFixtures.inventory("uv")
        #expect(uv.dependencies.count == 4)
        #expect(uv.find("httpx")?.isDirect == true)
        #expect(uv.find("anyio")?.isDirect == false)
        let pep = DepsFixtures.inventory("pyproject-pep621")
        #expect(pep.find("pydantic")?.version == "2.4.2")
        #expect(pep.find("fastapi")?.requirement == ">=0.100")
        #expect(pep.findListedOrSkipped("typing_extensions")?.marker == "python_version < '3.11'")
        #expect(pep.find("pytest")?.requirement == ">=7")
    }

    @Test func cargoTomlAndLock() throws {
        let inv = DepsFixtures.inventory("rust")
        #expect(inv.errors.isEmpty)
        #expect(inv.find("regex")?.version == "1.10.2" && inv.find("regex")?.requirement == "1.9")
        #expect(inv.find("libc")?.isDirect == true)                  // target-specific dependency
        #expect(inv.find("memchr")?.isDirect == false)
        #expect(inv.find("tempfile")?.isDev == true)
        #expect(inv.find("rusty") == nil)                            // the workspace crate itself
        #expect(inv.find("local-helper")?.note?.contains("local path") == true)
    }

    @Test func goModWithReplaceAndGoSum() throws {
        let inv = DepsFixtures.inventory("go")
        #expect(inv.errors.isEmpty)
        #expect(inv.find("github.com/gin-gonic/gin")?.isDirect == true)
        #expect(inv.find("golang.org/x/net")?.isDirect == false)
        #expect(inv.find("github.com/new/lib")?.version == "v1.3.1")
        #expect(inv.find("github.com/old/lib") == nil)
        #expect(inv.find("github.com/local/thing")?.version == nil)
        #expect(inv.find("github.com/docker/docker")?.version == "v20.10.7+incompatible")
        #expect(inv.find("github.com/bytedance/sonic")?.version == "v1.9.1")   // from go.sum, highest with code
        #expect(inv.dependencies.filter { $0.name == "github.com/gin-gonic/gin" }.count == 1)
    }

    @Test func swiftPackageAndResolvedV1V3() throws {
        let v3 = DepsFixtures.inventory("swift-v2")
        #expect(v3.errors.isEmpty)
        #expect(v3.find("github.com/apple/swift-nio")?.version == "2.59.0")
        #expect(v3.find("github.com/apple/swift-nio")?.isDirect == true)
        #expect(v3.find("github.com/apple/swift-log")?.requirement == #".upToNextMinor(from: "1.5.0")"#)
        #expect(v3.find("github.com/example/edge")?.version == nil)
        #expect(v3.find("github.com/pointfreeco/swift-tagged")?.version == "0.10.0")   // exact: pins it
        let v1 = DepsFixtures.inventory("swift-v1")
        #expect(v1.find("github.com/apple/swift-argument-parser")?.version == "1.2.2")
    }

    @Test func gemfileComposerAndPom() throws {
        let ruby = DepsFixtures.inventory("ruby")
        #expect(ruby.find("nokogiri")?.version == "1.15.4")          // platform suffix dropped
        #expect(ruby.find("nokogiri")?.isDirect == true)
        #expect(ruby.find("rack")?.isDirect == false)
        let php = DepsFixtures.inventory("php")
        #expect(php.find("psr/log")?.version == "3.0.0")
        #expect(php.find("monolog/monolog")?.isDirect == true)
        #expect(php.find("phpunit/phpunit")?.isDev == true)
        let maven = DepsFixtures.inventory("maven")
        #expect(maven.dependencies.map(\.name) == ["com.fasterxml.jackson.core:jackson-databind", "junit:junit"])
        #expect(maven.find("com.fasterxml.jackson.core:jackson-databind")?.version == "2.15.3")
        #expect(maven.find("junit:junit")?.isDev == true)
    }

    @Test func rangeOnlyDependenciesTakeTheInstalledVersion() throws {
        let dir = NSTemporaryDirectory() + "vantage-installed-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/.venv/lib/python3.11/site-packages/Flask_Cors-3.0.8.dist-info", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/node_modules/@scope/pkg", withIntermediateDirectories: true)
        try "flask-cors>=3\nrequests>=2\n".write(toFile: dir + "/requirements.txt", atomically: true, encoding: .utf8)
        try #"{"dependencies": {"@scope/pkg": "^1.0.0"}}"#.write(toFile: dir + "/package.json", atomically: true, encoding: .utf8)
        try #"{"name": "@scope/pkg", "version": "1.4.2"}"#.write(toFile: dir + "/node_modules/@scope/pkg/package.json", atomically: true, encoding: .utf8)
        let inv = DependencyInventory(scanning: dir)
        #expect(inv.find("flask-cors")?.version == "3.0.8")
        #expect(inv.find("flask-cors")?.note == "version as installed (virtualenv)")
        #expect(inv.find("requests")?.version == nil)                // not installed: stays unchecked
        #expect(inv.find("@scope/pkg")?.version == "1.4.2")
        #expect(DependencyInventory(scanning: dir, useInstalledVersions: false).find("flask-cors")?.version == nil)
    }

    @Test func malformedFilesNameFileLineAndFieldAndOthersStillLoad() throws {
        let inv = DepsFixtures.inventory("malformed")
        let byFile = Dictionary(grouping: inv.errors) { ($0.location?.file as NSString?)?.lastPathComponent ?? "" }
        #expect(byFile["Cargo.lock"]?.first?.location?.line == 9)
        #expect(byFile["Cargo.lock"]?.first?.location?.field == "package[1].version")
        #expect(byFile["package-lock.json"]?.first?.location?.line == 7)
        #expect(byFile["package-lock.json"]?.first?.location?.field == "packages.node_modules/broken.version")
        #expect(byFile["requirements.txt"]?.first?.location?.line == 2)
        #expect(byFile["package.json"]?.first?.location?.line != nil)
        #expect(inv.errors.count == 4)
        #expect(inv.find("rack")?.version == "2.2.8")                // Gemfile.lock beside them still read
    }
}
