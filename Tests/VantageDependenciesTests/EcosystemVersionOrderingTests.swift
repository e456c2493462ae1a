import Foundation
import Testing
@testable import VantageDependencies

/// Asserts that `versions` is strictly increasing under `compare`, for every pair (not only neighbours).
private func expectIncreasing(_ versions: [String], _ compare: (String, String) -> Int?, sourceLocation: SourceLocation = #_sourceLocation) {
    for i in versions.indices {
        for j in versions.indices where j > i {
            #expect(compare(versions[i], versions[j]) == -1, "\(versions[i]) < \(versions[j])", sourceLocation: sourceLocation)
            #expect(compare(versions[j], versions[i]) == 1, "\(versions[j]) > \(versions[i])", sourceLocation: sourceLocation)
        }
    }
}

private func scheme(_ s: VersionScheme) -> (String, String) -> Int? {
    { a, b in
        guard let x = s.parse(a), let y = s.parse(b) else { return nil }
        return x.compare(to: y)
    }
}

@Suite("Maven ComparableVersion ordering")
struct MavenVersionOrderingTests {
    /// maven-artifact's ComparableVersionTest.VERSIONS_QUALIFIER and VERSIONS_NUMBER.
    static let qualifierOrder = ["1-alpha2snapshot", "1-alpha2", "1-alpha-123", "1-beta-2", "1-beta123", "1-m2", "1-m11", "1-rc", "1-cr2",
                                 "1-rc123", "1-SNAPSHOT", "1", "1-sp", "1-sp2", "1-sp123", "1-abc", "1-def", "1-pom-1", "1-1-snapshot",
                                 "1-1", "1-2", "1-123"]
    static let numberOrder = ["2.0", "2.0.a", "2-1", "2.0.2", "2.0.123", "2.1.0", "2.1-a", "2.1b", "2.1-c", "2.1-1", "2.1.0.1", "2.2",
                              "2.123", "11.a2", "11.a11", "11.b2", "11.b11", "11.m2", "11.m11", "11", "11.a", "11b", "11c", "11m"]
    /// ComparableVersionTest.testVersionsEqual.
    static let equal: [(String, String)] = [
        ("1", "1"), ("1", "1.0"), ("1", "1.0.0"), ("1.0", "1.0.0"), ("1", "1-0"), ("1", "1.0-0"), ("1.0", "1.0-0"),
        ("1a", "1-a"), ("1a", "1.0-a"), ("1a", "1.0.0-a"), ("1.0a", "1-a"), ("1.0.0a", "1-a"), ("1x", "1-x"), ("1x", "1.0-x"),
        ("1x", "1.0.0-x"), ("1.0x", "1-x"), ("1.0.0x", "1-x"), ("1ga", "1"), ("1release", "1"), ("1final", "1"), ("1cr", "1rc"),
        ("1a1", "1-alpha-1"), ("1b2", "1-beta-2"), ("1m3", "1-milestone-3"), ("1X", "1x"), ("1A", "1a"), ("1B", "1b"), ("1M", "1m"),
        ("1Ga", "1"), ("1GA", "1"), ("1RELEASE", "1"), ("1RELeaSE", "1"), ("1Final", "1"), ("1FinaL", "1"), ("1FINAL", "1"),
        ("1Cr", "1Rc"), ("1cR", "1rC"), ("1m3", "1Milestone3"), ("1m3", "1MileStone3"), ("1m3", "1MILESTONE3"),
    ]

    @Test func theOrderingListsOfMavensOwnTests() {
        expectIncreasing(Self.qualifierOrder, scheme(.maven))
        expectIncreasing(Self.numberOrder, scheme(.maven))
    }

    @Test func equalVersions() {
        for (a, b) in Self.equal {
            #expect(scheme(.maven)(a, b) == 0, "\(a) == \(b)")
            #expect(MavenVersion(a) == MavenVersion(b))
            #expect(MavenVersion(a)?.hashValue == MavenVersion(b)?.hashValue, "\(a) and \(b) hash alike")
        }
    }

    @Test func canonicalFormsAsMavenPrintsThem() {
        #expect(MavenVersion("1-alpha2snapshot")?.canonical == "1-alpha-2-snapshot")
        #expect(MavenVersion("2.0.a")?.canonical == "2-a")
        #expect(MavenVersion("11.a2")?.canonical == "11-alpha-2")
        #expect(MavenVersion("1.0.0-SNAPSHOT")?.isPrerelease == true)
        #expect(MavenVersion("1.0.0-sp1")?.isPrerelease == false)
    }

    /// maven-artifact's own `ComparableVersion` (Debian's maven package) and a JDK.
    static let mavenArtifactJar = "/usr/share/maven/lib/maven-artifact-3.x.jar"
    static let mavenInstalled = ToolRunner.which("java") != nil && FileManager.default.fileExists(atPath: mavenArtifactJar)

    /// maven-artifact's own `ComparableVersion` main on a shuffled mix. Under CI=true it runs even
    /// without Maven, and fails (scripts/test installs maven and a JDK).
    @Test(.enabled(if: mavenInstalled || ProcessInfo.processInfo.environment["CI"] == "true",
                   "needs a JDK and Maven's maven-artifact jar (apt-get install maven default-jdk-headless; scripts/test installs them)"))
    func agreesWithMavenArtifact() throws {
        let jar = Self.mavenArtifactJar
        let java = try #require(ToolRunner.which("java"), "no java: apt-get install default-jdk-headless")
        try #require(FileManager.default.fileExists(atPath: jar), "no \(jar): apt-get install maven")
        let mix = ["1.0.0.Final", "1.0.0-RC1", "1.0.0.CR2", "1.0.0-M3", "1.0-beta-1", "1.0-alpha-10", "1.0-alpha-9", "1.0.0.GA", "1.0.1-SNAPSHOT",
                   "1.0.1", "1.0-SP1", "1.0.0-sp-2", "1.0.0.1", "1.0-1", "1.0.0-foo", "1.0.0-bar2", "1.0.0.2021", "2.0.0-jre", "2.0.0-android",
                   "31.1-jre", "31.1-android", "1.0.0-20231010.123456-1", "1.0.0-RELEASE", "1.0.0.RELEASE", "1..0", "1-.0", "1.0.0-x1y",
                   "1.0.0.x1", "1.0.0-x2", "1.0.0-0.1", "1.0.0-1.0", "2.0.0b3", "2.0.0-b3", "2.0.0.b3", "10", "9.9.9.9.9", "1.2.3-milestone-1",
                   "1.2.3-m-1", "1.2.3-a-1", "1.2.3-alpha1", "1.x1.2", "1.0.x1.2", "1.x.1", "1-1.x", "1.0.0-alpha.1.beta", "0.9.9-SNAPSHOT",
                   "1.0-SNAPSHOT-1", "1.0.0-ALPHA", "1.0.0-a", "1.0.0.0.0.0.0.1", "123456789012345678901234567890", "12345678901234567890"]
        let r = ToolRunner.run([java, "-cp", jar, "org.apache.maven.artifact.versioning.ComparableVersion"] + mix, in: "/", timeout: 60)
        try #require(r.status == 0, "\(r.output)")
        var checked = 0
        for line in r.output.split(separator: "\n") where line.hasPrefix("   ") {
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
            guard parts.count == 3, let want = ["<": -1, "==": 0, ">": 1][parts[1]] else { continue }
            #expect(scheme(.maven)(parts[0], parts[2]) == want, "\(line)")
            checked += 1
        }
        #expect(checked == mix.count - 1)
    }
}

@Suite("RubyGems Gem::Version ordering")
struct RubyGemsVersionOrderingTests {
    /// Pairs from RubyGems' test_gem_version.rb (`test_spaceship` and friends): (a, b, a <=> b).
    static let pairs: [(String, String, Int)] = [
        ("1.0", "1.0.0", 0), ("1.0", "1.0.a", 1), ("1.8.2", "0.0.0", 1), ("1.8.2", "1.8.2.a", 1), ("1.8.2.b", "1.8.2.a", 1),
        ("1.8.2.a", "1.8.2", -1), ("1.8.2.a10", "1.8.2.a9", 1), ("", "0", 0), ("0.beta.1", "0.0.beta.1", 0),
        ("0.0.beta", "0.0.beta.1", -1), ("0.0.beta", "0.beta.1", -1), ("5.a", "5.0.0.rc2", -1), ("5.x", "5.0.0.rc2", 1),
        ("1.0.0-rc1", "1.0.0.pre.rc1", 0), ("1.0.0-rc1", "1.0.0", -1), ("1.0.0-rc1", "1.0.0.rc1", -1),
        ("1.2.b1", "1.2", -1), ("1.2.b1", "1.2.a2", 1), ("2.0.0.pre", "2.0.0.beta", 1), ("1.0.0.B", "1.0.0.a", -1),
        ("1.10", "1.9", 1), ("1.0.1", "1.0.0.1", 1), ("3.2.0.0", "3.2", 0),
    ]
    static let order = ["0.9", "1.0.0.a", "1.0.0.a.1", "1.0.0.b", "1.0.0.rc1", "1.0.0.rc2", "1.0.0.rc10", "1.0.0", "1.0.0.1", "1.0.1", "1.1", "1.10", "2"]

    @Test func pairsFromRubyGemsOwnTests() {
        for (a, b, want) in Self.pairs { #expect(scheme(.rubygems)(a, b) == want, "\(a) <=> \(b)") }
    }

    @Test func prereleasesSortBeforeTheirRelease() {
        expectIncreasing(Self.order, scheme(.rubygems))
        #expect(RubyGemsVersion("1.0.0.rc1")?.isPrerelease == true)
        #expect(RubyGemsVersion("1.0.0")?.isPrerelease == false)
    }

    @Test func malformedVersionsAreRejectedLikeGemVersionCorrect() {
        for bad in ["junk", "1.0\n2.0", "1..2", "1.2\\ 3.4", "-1", "1.0-"] { #expect(RubyGemsVersion(bad) == nil, "\(bad)") }
        for good in ["1.2.3", "1.2.3-rc.1", "  1.0  ", "1.0.a", ""] { #expect(RubyGemsVersion(good) != nil, "\(good)") }
    }
}

@Suite("Composer version ordering")
struct ComposerVersionOrderingTests {
    static let order = ["1.0.0-dev", "1.0.0-alpha1", "1.0.0-alpha2", "1.0.0-beta1", "1.0.0-beta2-dev", "1.0.0-beta2", "1.0.0-RC1",
                        "1.0.0-RC2", "1.0.0", "1.0.0-patch1", "1.0.0-patch2", "1.0.1", "1.1", "1.10.0", "2.0.0-alpha", "2.0.0"]
    static let equal: [(String, String)] = [
        ("1.0", "1.0.0"), ("1", "1.0.0.0"), ("v1.0.0", "1.0.0"), ("1.0.0-b2", "1.0.0-beta2"), ("1.0.0-a1", "1.0.0-alpha1"),
        ("1.0.0-rc1", "1.0.0-RC1"), ("1.0.0-p1", "1.0.0-patch1"), ("1.0.0-pl1", "1.0.0-patch1"), ("1.0.0-stable", "1.0.0"),
        ("1.0.0-beta.2", "1.0.0-beta2"), ("1.0.0+build.5", "1.0.0"), ("1.0.0.RC.1", "1.0.0-RC1"), ("1.0.0@stable", "1.0.0"),
    ]

    @Test func stabilityOrderDevAlphaBetaRCStablePatch() { expectIncreasing(Self.order, scheme(.composer)) }

    @Test func normalisationMakesSpellingsEqual() {
        for (a, b) in Self.equal {
            #expect(scheme(.composer)(a, b) == 0, "\(a) == \(b)")
            #expect(ComposerVersion(a)?.hashValue == ComposerVersion(b)?.hashValue, "\(a) and \(b) hash alike")
        }
    }

    @Test func normalisedFormsAsComposerWritesThem() {
        #expect(ComposerVersion("1.2")?.normalized == "1.2.0.0")
        #expect(ComposerVersion("v2.0.0-b2")?.normalized == "2.0.0.0-beta2")
        #expect(ComposerVersion("1.0.0-rc.1")?.normalized == "1.0.0.0-RC1")
        #expect(ComposerVersion("1.0.0-p1")?.normalized == "1.0.0.0-patch1")
        #expect(ComposerVersion("1.0.0-beta2-dev")?.normalized == "1.0.0.0-beta2-dev")
        #expect(ComposerVersion("2010-01-02")?.normalized == "2010.01.02")
        #expect(ComposerVersion("dev-main") == nil)
        #expect(ComposerVersion("1.x-dev") == nil)
    }

    /// PHP's version_compare on already-normal strings, from PHP's own documentation and tests.
    @Test func phpVersionCompare() {
        let cases: [(String, String, Int)] = [
            ("5.2", "5.2.0", -1), ("1.0.0", "1.0.0-dev", 1), ("1.0rc1", "1.0", -1), ("1.0", "1.0.1", -1), ("1.0pl1", "1.0", 1),
            ("1.0-dev", "1.0a1", -1), ("1.0a1", "1.0b1", -1), ("1.0b1", "1.0RC1", -1), ("1.0RC1", "1.0", -1), ("1.0", "1.0.0", -1),
            ("1.0.0.0-patch1", "1.0.0.0", 1), ("8.1.0", "8.1.0", 0),
        ]
        for (a, b, want) in cases { #expect(ComposerVersion.versionCompare(a, b) == want, "version_compare(\(a), \(b))") }
    }
}
