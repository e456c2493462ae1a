import Foundation
import Testing
import VantageCore
@testable import VantageDependencies

/// PEP 508 markers against the real `packaging.markers` of this machine's python3 as the oracle:
/// the same environment is given to both, and every marker must evaluate the same (or fail in both).
@Suite("PEP 508 environment markers")
struct PEP508MarkerTests {
    /// Environments unlike this machine too, so the comparisons cannot pass by accident.
    static let environments: [[String: String]] = [
        ["python_version": "3.11", "python_full_version": "3.11.7", "os_name": "posix", "sys_platform": "linux",
         "platform_system": "Linux", "platform_machine": "x86_64", "platform_release": "6.1.0-18-amd64", "platform_version": "#1 SMP",
         "implementation_name": "cpython", "implementation_version": "3.11.7", "platform_python_implementation": "CPython", "extra": ""],
        ["python_version": "3.8", "python_full_version": "3.8.0rc1", "os_name": "nt", "sys_platform": "win32",
         "platform_system": "Windows", "platform_machine": "AMD64", "platform_release": "10", "platform_version": "10.0.19041",
         "implementation_name": "pypy", "implementation_version": "7.3.11", "platform_python_implementation": "PyPy", "extra": "Socks_Proxy"],
        ["python_version": "3.10", "python_full_version": "3.10.12", "os_name": "posix", "sys_platform": "darwin",
         "platform_system": "Darwin", "platform_machine": "arm64", "platform_release": "23.1.0", "platform_version": "Darwin Kernel",
         "implementation_name": "cpython", "implementation_version": "3.10.12", "platform_python_implementation": "CPython", "extra": "test"],
    ]

    static let markers: [String] = [
        #"python_version < "3.8""#,
        #"python_version >= "3.8""#,
        #"python_version == "3.1""#,
        #"python_version > "3.9" and python_version < "3.12""#,
        #"python_version ~= "3.10""#,
        #"python_version != "3.11""#,
        #"python_version == "3.*""#,
        #"python_version == "3.1*""#,
        #"python_version === "3.11""#,
        #"python_full_version >= "3.8.0""#,
        #"python_full_version < "3.8.0""#,
        #"python_full_version > "3.11.0a1""#,
        #"python_version < "abc""#,
        #"python_version in "3.10 3.11""#,
        #"python_version not in "2.7 3.4""#,
        #""3.1" in python_version"#,
        #"sys_platform == "win32""#,
        #"sys_platform != "win32""#,
        #"sys_platform == 'linux' or sys_platform == 'darwin'"#,
        #"platform_system == "Windows" and platform_machine == "AMD64""#,
        #"platform_machine in "x86_64 aarch64""#,
        #"platform_machine not in "arm64""#,
        #"os_name == "nt""#,
        #"os_name < "z""#,
        #"os_name >= "posix""#,
        #"os_name <= "nt""#,
        #"implementation_name == "pypy""#,
        #"platform_python_implementation != "CPython""#,
        #"python_implementation == "CPython""#,
        #"implementation_version >= "7""#,
        #"platform_release >= "10""#,
        #"platform_release == "6.1.0-18-amd64""#,
        #"extra == "socks-proxy""#,
        #"extra == "test""#,
        #"extra != "test""#,
        #"(python_version < "3.9" or sys_platform == "darwin") and extra == "test""#,
        #"python_version < "3.9" or sys_platform == "darwin" and extra == "test""#,
        #"(sys_platform == "linux" and (platform_machine == "x86_64" or platform_machine == "arm64"))"#,
        #"python_version>="3.10"and sys_platform=="linux""#,
        #"'linux' == sys_platform"#,
        #"python_version >= '3' and platform_system != 'Windows' or os_name == 'nt'"#,
        #"os_name ~= "posix""#,
        ##"platform_version in "#1 SMP Darwin""##,
    ]

    /// packaging's answer for every (environment, marker): "True", "False" or "ERROR".
    static func oracle() throws -> [[String]] {
        let payload = try JSONSerialization.data(withJSONObject: ["envs": environments, "markers": markers])
        let script = """
            import json, sys
            try:
                from packaging.markers import Marker
            except ImportError:
                from pip._vendor.packaging.markers import Marker
            data = json.loads(sys.argv[1])
            out = []
            for env in data["envs"]:
                row = []
                for m in data["markers"]:
                    try: row.append(str(Marker(m).evaluate(env)))
                    except Exception: row.append("ERROR")
                out.append(row)
            print(json.dumps(out))
            """
        let python = try #require(ToolRunner.which("python3"), "python3 is the oracle for PEP 508")
        let r = ToolRunner.run([python, "-c", script, String(decoding: payload, as: UTF8.self)], in: "/", timeout: 60)
        #expect(r.status == 0, "\(r.output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [[String]])
    }

    @Test func everyMarkerEvaluatesAsPackagingDoes() throws {
        let expected = try Self.oracle()
        #expect(Self.markers.count >= 40)
        var trues = 0, falses = 0, errors = 0
        for (e, values) in Self.environments.enumerated() {
            let env = MarkerEnvironment(values: values, origin: "test \(e)")
            for (i, text) in Self.markers.enumerated() {
                let mine: String
                do throws(PEP508Marker.Failure) {
                    mine = try PEP508Marker(parsing: text).evaluate(env) ? "True" : "False"
                } catch { mine = "ERROR" }
                #expect(mine == expected[e][i], "env \(e): \(text)")
                switch mine { case "True": trues += 1; case "False": falses += 1; default: errors += 1 }
            }
        }
        // The list exercises both answers and the undefined comparison.
        #expect(trues > 20 && falses > 20 && errors >= 3)
    }

    @Test func malformedMarkersAreRejectedLikePackagingRejectsThem() throws {
        for bad in [#"python_version"#, #"foo == "1""#, #"python_version < "3.8" and"#, #"(python_version < "3.8""#,
                    #"python_version <> "3""#, #"python_version < "3.8" xor os_name == "nt""#, #"python_version < "3.8"#] {
            #expect(throws: PEP508Marker.Failure.self, "\(bad)") { _ = try PEP508Marker(parsing: bad) }
        }
        do {
            _ = try PEP508Marker(parsing: #"pyton_version < "3.8""#)
            Issue.record("an unknown variable was accepted")
        } catch {
            #expect(error.reason.contains("unknown marker variable 'pyton_version'"))
            #expect(error.position == 0)
        }
    }

    /// A workspace whose files carry markers: the ones false here are listed as skipped, with the marker
    /// and the reason, and take no part in conflicts; an unknown variable names file, line and field.
    @Test func falseMarkersSkipDependenciesInRequirementsPyprojectAndLocks() throws {
        let dir = NSTemporaryDirectory() + "vantage-markers-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/req", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/uv", withIntermediateDirectories: true)
        try """
            requests==2.31.0
            pywin32==306 ; sys_platform == "win32"
            importlib-metadata==6.0.0; python_version < "3.8"
            uvloop==0.19.0 ; sys_platform != "win32" and platform_python_implementation == "CPython"
            colorama==0.4.6 ; pyton_version < "3"
            flask>=3 ; sys_platform == "win32"
            flask<2

            """.write(toFile: dir + "/req/requirements.txt", atomically: true, encoding: .utf8)
        try """
            version = 1
            requires-python = ">=3.8"

            [[package]]
            name = "app"
            version = "0.1.0"
            source = { editable = "." }
            dependencies = [
                { name = "click" },
                { name = "tomli", marker = "python_full_version < '3.11'" },
            ]

            [[package]]
            name = "click"
            version = "8.1.7"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [
                { name = "colorama", marker = "platform_system == 'Windows'" },
                { name = "pysocks", marker = "extra == 'socks'" },
                { name = "win-socks", marker = "extra == 'socks' and sys_platform == 'win32'" },
            ]

            [[package]]
            name = "pysocks"
            version = "1.7.1"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "win-socks"
            version = "0.1.0"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "colorama"
            version = "0.4.6"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "tomli"
            version = "2.0.1"
            source = { registry = "https://pypi.org/simple" }

            """.write(toFile: dir + "/uv/uv.lock", atomically: true, encoding: .utf8)
        let linux = MarkerEnvironment(values: Self.environments[0], origin: "the test's linux")
        let inv = DependencyInventory(scanning: dir, useInstalledVersions: false, markerEnvironment: linux)
        let kept = Set(inv.dependencies.map(\.name))
        let skipped = Dictionary(inv.skipped.map { ($0.dependency.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(kept.isSuperset(of: ["requests", "uvloop", "click", "colorama", "pysocks"]), "\(kept)")
        #expect(Set(skipped.keys) == ["pywin32", "importlib-metadata", "tomli", "flask", "colorama", "win-socks"], "\(skipped.keys)")
        // A lock edge behind an extra is followed (the lock does not say which extras were asked
        // for, and skipping an installed package would hide its advisories); the rest of its
        // marker still counts.
        #expect(inv.dependencies.contains { $0.name == "pysocks" && $0.source.hasSuffix("uv.lock") })
        #expect(skipped["pywin32"]?.marker == #"sys_platform == "win32""#)
        #expect(skipped["pywin32"]?.reason == #"marker is false for the test's linux (sys_platform="linux")"#)
        #expect(skipped["tomli"]?.reason.contains(#"python_full_version="3.11.7""#) == true)
        // colorama is in the uv lock only under Windows, but the requirements file (unknown marker) keeps it.
        #expect(inv.dependencies.contains { $0.name == "colorama" && $0.source.hasSuffix("requirements.txt") })
        #expect(!inv.dependencies.contains { $0.name == "colorama" && $0.source.hasSuffix("uv.lock") })
        #expect(inv.skipped.contains { $0.dependency.name == "colorama" && $0.dependency.source.hasSuffix("uv.lock") })
        // The unknown variable: file, line and field.
        let err = try #require(inv.errors.first { $0.message.contains("pyton_version") })
        #expect(err.location?.file == dir + "/req/requirements.txt")
        #expect(err.location?.line == 5)
        #expect(err.location?.field == "colorama marker")
        // flask>=3 only applies on Windows: the remaining flask<2 is no conflict.
        #expect(!inv.requirements.contains { $0.name == "flask" && $0.constraint == ">=3" })
        #expect(inv.requirements.contains { $0.name == "flask" && $0.constraint == "<2" })

        // The same files on Windows: the other way round.
        let windows = MarkerEnvironment(values: Self.environments[1], origin: "the test's windows")
        let win = DependencyInventory(scanning: dir, useInstalledVersions: false, markerEnvironment: windows)
        #expect(win.dependencies.contains { $0.name == "pywin32" })
        #expect(win.skipped.contains { $0.dependency.name == "uvloop" })
        #expect(win.dependencies.contains { $0.name == "colorama" && $0.source.hasSuffix("uv.lock") })
        #expect(win.dependencies.contains { $0.name == "tomli" })
    }

    @Test func theMachineEnvironmentIsTheSystemPython() throws {
        let env = MarkerEnvironment.machine()
        let python = try #require(ToolRunner.which("python3"))
        let r = ToolRunner.run([python, "-c", "import platform,sys; print(platform.python_version(), sys.platform, platform.machine())"], in: "/")
        #expect(r.output.trimmingCharacters(in: .whitespacesAndNewlines)
                == "\(env.value(of: "python_full_version")) \(env.value(of: "sys_platform")) \(env.value(of: "platform_machine"))")
        #expect(env.origin.hasPrefix("system python3"))
    }

    @Test func aProjectWithAVirtualenvIsEvaluatedWithItsInterpreter() throws {
        let dir = NSTemporaryDirectory() + "vantage-markers-venv-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let python = try #require(ToolRunner.which("python3"))
        let made = ToolRunner.run([python, "-m", "venv", "--without-pip", dir + "/.venv"], in: dir, timeout: 120)
        try #require(made.status == 0, "\(made.output)")
        let interpreter = try #require(MarkerEnvironment.venvInterpreter(in: dir))
        let env = MarkerEnvironment.forProject(in: dir)
        #expect(env.origin == interpreter)
        let r = ToolRunner.run([interpreter, "-c", "import platform; print(platform.python_version())"], in: dir)
        #expect(env.value(of: "python_full_version") == r.output.trimmingCharacters(in: .whitespacesAndNewlines))
        // And a requirement conditional on that interpreter's version is kept or skipped accordingly.
        let major = env.value(of: "python_version")
        try "six==1.16.0 ; python_version == \"\(major)\"\nenum34==1.1.10 ; python_version != \"\(major)\"\n"
            .write(toFile: dir + "/requirements.txt", atomically: true, encoding: .utf8)
        let inv = DependencyInventory(scanning: dir, useInstalledVersions: false)
        #expect(inv.dependencies.map(\.name) == ["six"])
        #expect(inv.skipped.map(\.dependency.name) == ["enum34"])
        #expect(inv.skipped.first?.reason == "marker is false for \(interpreter) (python_version=\"\(major)\")")
    }
}

/// Issue 20: a marker with 100,000 nested parentheses overflowed the parser's stack, and one with
/// 100,000 `and` terms the evaluator's (the background analyzer then took the dashboard down).
@Suite("PEP 508 markers: bounded nesting, long chains")
struct PEP508MarkerLimitTests {
    @Test func parenthesesDeeperThanTheLimitAreALocatedError() async throws {
        let deep = String(repeating: "(", count: 100_000) + "os_name == \"posix\"" + String(repeating: ")", count: 100_000)
        let failure = await Task.detached { () -> PEP508Marker.Failure? in
            do throws(PEP508Marker.Failure) { _ = try PEP508Marker(parsing: deep); return nil } catch { return error }
        }.value
        #expect(failure == PEP508Marker.Failure(reason: "parentheses nest more than 64 levels deep", position: 64))
        let atLimit = String(repeating: "(", count: 64) + "os_name == \"posix\"" + String(repeating: ")", count: 64)
        #expect(try PEP508Marker(parsing: atLimit).evaluate(MarkerEnvironment(values: ["os_name": "posix"], origin: "test")))
    }

    @Test func aHundredThousandTermsAreEvaluatedWithoutRecursion() async throws {
        let env = MarkerEnvironment(values: ["os_name": "posix", "sys_platform": "linux"], origin: "test")
        let allTrue = Array(repeating: "os_name == \"posix\"", count: 100_000).joined(separator: " and ")
        let lastFalse = allTrue + " and sys_platform == \"win32\""
        let anyTrue = Array(repeating: "sys_platform == \"win32\"", count: 100_000).joined(separator: " or ") + " or os_name == \"posix\""
        let results = try await Task.detached { () throws -> [Bool] in
            try [allTrue, lastFalse, anyTrue].map { try PEP508Marker(parsing: $0).evaluate(env) }
        }.value
        #expect(results == [true, false, true])
    }

    @Test func aDeepMarkerInARequirementsFileIsAnErrorNamingItsLine() throws {
        let dir = NSTemporaryDirectory() + "vantage-deep-marker-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let marker = String(repeating: "(", count: 100_000) + "python_version < \"3.8\"" + String(repeating: ")", count: 100_000)
        try "flask==3.0.0\nsix==1.16.0 ; \(marker)\n".write(toFile: dir + "/requirements.txt", atomically: true, encoding: .utf8)
        let inv = DependencyInventory(scanning: dir, useInstalledVersions: false, markerEnvironment: MarkerEnvironment(values: [:], origin: "test"))
        let error = try #require(inv.errors.first)
        #expect(error.location == SourceLocation(file: dir + "/requirements.txt", line: 2, field: "six marker"))
        #expect(error.message.hasSuffix("cannot be evaluated: parentheses nest more than 64 levels deep (at character 65)"))
        #expect(error.message.count < 200, "the marker is shortened in the message")
        #expect(inv.dependencies.map(\.name).contains("flask"))
    }
}
