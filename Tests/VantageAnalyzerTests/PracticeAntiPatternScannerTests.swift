import Testing
@testable import VantageAnalyzer

@Suite struct AntiPatternScannerTests {
    let scanner = AntiPatternScanner()

    func kinds(_ path: String, _ text: String) -> [String] {
        scanner.scan(path: path, text: text).map { "\($0.line):\($0.kind.rawValue)" }
    }

    @Test func pythonCatchAllHandlers() {
        let code = """
            try:
                run()
            except:
                log()
            try:
                run()
            except Exception:
                pass
            try:
                run()
            except Exception as e:
                log(e)
            try:
                run()
            except BaseException as err:  # ignore
                ...
            try:
                run()
            except ValueError:
                pass
            try: run()
            except Exception: pass
            """
        #expect(kinds("pkg/mod.py", code) == ["3:catch-all", "7:catch-all", "15:catch-all", "22:catch-all"])
    }

    @Test func emptyCatchBlocksInBraceLanguages() {
        let js = """
            try { a() } catch (e) {}
            try { b() } catch (e) { console.error(e) }
            try {
              c()
            } catch (err) {
              // ignore
            }
            """
        #expect(kinds("src/lib.js", js) == ["1:catch-all", "5:catch-all"])
        let swift = """
            do { try a() } catch {}
            do { try b() } catch let error { }
            do { try c() } catch { log(error) }
            do { try d() } catch is CancellationError {}
            do { try e() } catch let error as DecodingError { }
            """
        #expect(kinds("Sources/Lib/A.swift", swift) == ["1:catch-all", "2:catch-all"])
        #expect(kinds("src/A.java", "try { x(); } catch (Exception e) {\n}\ntry { y(); } catch (IOException e) {}\n") == ["1:catch-all"])
        #expect(kinds("src/a.ts", "try { x() } catch (e: unknown) { /* best effort */ }\n") == ["1:catch-all"])
        #expect(kinds("src/a.cpp", "try { x(); } catch (...) {}\n") == ["1:catch-all"])
        // Tests expecting an error end in an empty catch on purpose.
        #expect(kinds("Tests/LibTests/ATests.swift", "do { try a(); XCTFail() } catch {}\n").isEmpty)
    }

    @Test func secretLookingStrings() {
        let code = """
            AWS_KEY = "AKIAIOSFODNN7EXAMPLE"
            password = "hunter2hunter2"
            api_key: "sk_live_51HxYzQ2eZvKYlo2C0abc"
            db_password = os.environ["DB_PASSWORD"]
            token = "${TOKEN}"
            secret = "<your secret here>"
            SIGNING = "q8Zt3Lw0vX9pR2mN7bY4cK1jH6fD5sA0eU8iO3gT"
            COLOR = "0123456789abcdef0123456789abcdef"
            message = "this is a long sentence that has spaces in it"
            -----BEGIN RSA PRIVATE KEY-----
            """
        let found = scanner.scan(path: "app/settings.py", text: code).filter { $0.kind == .hardCodedSecret }
        #expect(found.map(\.line) == [1, 2, 3, 7, 10])
        // The secret itself never appears in the message.
        #expect(!found.contains { $0.message.contains("hunter2") || $0.message.contains("AKIA") })
        #expect(found.allSatisfy { $0.remediationMinutes == AntiPatternScanner.secretMinutes })
    }

    @Test func entropyCheckIsConservative() {
        #expect(SecretDetector.looksRandom("q8Zt3Lw0vX9pR2mN7bY4cK1jH6fD5sA0eU8iO3gT"))
        #expect(!SecretDetector.looksRandom("0123456789abcdef0123456789abcdef"))   // hex: 4 bits at most
        #expect(!SecretDetector.looksRandom("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"))
        #expect(!SecretDetector.looksRandom("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij"))  // no digits
    }

    @Test func printDebuggingOnlyInLibraryCode() {
        let py = "def f(x):\n    print(x)\n    return x\n"
        #expect(kinds("pkg/util.py", py) == ["2:print-debugging"])
        #expect(kinds("scripts/release.py", py).isEmpty)
        #expect(kinds("tests/test_util.py", py).isEmpty)
        #expect(kinds("pkg/__main__.py", py).isEmpty)
        #expect(kinds("pkg/tool.py", py + "if __name__ == \"__main__\":\n    f(1)\n").isEmpty)
        #expect(kinds("src/app.ts", "export function f() {\n  console.log('x')\n}\n") == ["2:print-debugging"])
        #expect(kinds("internal/x.go", "package x\nfunc F() {\n\tfmt.Println(1)\n}\n") == ["3:print-debugging"])
        #expect(kinds("cmd/tool/main.go", "package main\nfunc main() {\n\tfmt.Println(1)\n}\n").isEmpty)
        #expect(kinds("src/lib.rs", "fn f() {\n    // println!(\"x\");\n    dbg!(1);\n}\n") == ["3:print-debugging"])
    }

    @Test func todoDensityPerKLOC() throws {
        var code = "x = 1\n# TODO: one\n# FIXME: two\ny = 2 # TODO three\n"
        code += String(repeating: "z = 3\n", count: 96)
        let findings = scanner.scan(path: "pkg/a.py", text: code)
        let density = try #require(findings.first { $0.kind == .todoDensity })
        #expect(density.message.contains("3 TODO/FIXME markers in 98 lines"))
        #expect(density.remediationMinutes == 30)
        // "TODO" in a string is not a marker.
        #expect(AntiPatternScanner.todoMarkers(in: "s = \"TODO list\"\n", path: "a.py") == 0)
        // Below the minimum count, no finding however small the file.
        #expect(scanner.scan(path: "pkg/b.py", text: "# TODO\nx = 1\n").isEmpty)
    }

    @Test func findingsBecomeRemediationItems() {
        let f = scanner.scan(path: "pkg/a.py", text: "try:\n    x()\nexcept:\n    pass\n")
        #expect(f.map(\.remediationItem) == [RemediationItem(kind: "catch-all", file: "pkg/a.py", line: 3, minutes: 10)])
    }
}
