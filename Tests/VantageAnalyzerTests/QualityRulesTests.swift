import Testing
@testable import VantageAnalyzer

/// The counting rules of specs/complexity.md, one case per rule, numbers worked out by hand.
@Suite("Quality: CCN rules per language")
struct QualityRulesTests {
    private func ccn(_ source: String, _ language: SourceLanguage) -> [String: Int] {
        let quality = QualityAnalyzer.analyze(source: source, language: language)
        return Dictionary(quality.functions.map { ($0.name, $0.ccn) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("Python: every branch keyword, boolean operator, except/finally clause and comprehension clause counts")
    func pythonBranches() {
        let source = """
        def f(a, b=lambda x: x if x else 0):
            if a and b or a:
                pass
            elif a:
                pass
            for i in a:
                while i:
                    break
            try:
                pass
            except E:
                pass
            finally:
                pass
            return [x for x in a if x]
        """
        // 1 + default `if` + if + and + or + elif + for + while + except + finally + comprehension for + if
        #expect(ccn(source, .python)["f"] == 12)
    }

    @Test("Python: `case` counts per clause including `case _`, `match` does not, and variables named case do not")
    func pythonMatch() {
        let source = """
        def m(command):
            match command:
                case "a":
                    pass
                case _:
                    pass
            case = 1
            case.x = 2
            case(3)
            return case
        """
        #expect(ccn(source, .python)["m"] == 3)
    }

    @Test("Python: nested functions are their own units named outer.inner; f-string expressions count, strings do not")
    func pythonNesting() {
        let source = """
        def outer(x):
            s = "if and or while"
            def inner(y):
                return y or x
            return f"{x if x else s}"
        """
        let result = ccn(source, .python)
        #expect(result["outer"] == 2)
        #expect(result["outer.inner"] == 2)
    }

    @Test("Swift: a ternary `?` counts only after whitespace; optional chaining, types, try? and ?? do not")
    func swiftQuestionMarks() {
        let source = """
        func f(a: Int?, b: [Int]?) -> Int {
            let x = a ?? 0
            let y = b?.first ?? x
            let z = try? g(x) as? Int
            return x > y ? x : y
        }
        """
        #expect(ccn(source, .swift)["f"] == 2)
    }

    @Test("Swift: argument labels never count; declared external names in a signature do")
    func swiftLabels() {
        let source = """
        func node(for key: Int, while p: Bool) {
            call(if: true, for: 1, case: 2)
        }
        """
        #expect(ccn(source, .swift)["node"] == 3)
    }

    @Test("Swift: interpolation, nested comments and #if lines never count")
    func swiftLiterals() {
        let source = #"""
        func f(k: String) -> String {
            /* if /* while */ for */
            #if DEBUG || TEST
            print("if")
            #endif
            return "a \(k.isEmpty ? "if" : "for") b" + #"raw \(if) "#
        }
        """#
        #expect(ccn(source, .swift)["f"] == 1)
    }

    @Test("Swift: accessors and failable init are units; closures count for their function; protocols are skipped")
    func swiftUnits() {
        let source = """
        protocol P { func req(x: Int) -> Int }
        struct S {
            var v: Int? {
                get { stored }
                set(n) { if n != nil { stored = n } }
            }
            init?(raw: Int) { guard raw > 0 else { return nil } }
            func each(_ xs: [Int]) { xs.forEach { if $0 > 0 && $0 < 9 { print($0) } } }
        }
        """
        let result = QualityAnalyzer.analyze(source: source, language: .swift).functions
        #expect(result.map(\.name) == ["get", "set", "init", "each"])
        #expect(result.map(\.ccn) == [1, 2, 2, 3])
        #expect(result.map(\.startLine) == [4, 5, 7, 8])
    }

    @Test("C: preprocessor conditionals count, an rvalue-reference initialiser does not, methods are Scope::name")
    func cRules() {
        let source = """
        namespace n {
        struct S {
            int f(int a) {
        #ifdef X
                int &&r = g();
        #endif
                return a > 0 && a < 9 ? 1 : 0;
            }
        };
        }
        """
        #expect(ccn(source, .cpp) == ["n::S::f": 4])
    }

    @Test("Go: function literals are units anonymous__N; select cases count")
    func goRules() {
        let source = """
        package main
        func F(ch chan int) {
        \tf := func(x int) int { if x > 0 { return 1 }; return 0 }
        \tselect {
        \tcase v := <-ch:
        \t\t_ = f(v)
        \t}
        }
        """
        #expect(ccn(source, .go) == ["anonymous__0": 2, "F": 2])
    }

    @Test("Rust: let-else and ? count, match arms after the first count, else of if does not")
    func rustRules() {
        let source = """
        fn r(x: Option<u32>, n: u32) -> Result<u32, E> {
            let Some(v) = x else { return Err(E) };
            let w = parse(v)?;
            if w > 0 { Ok(w) } else { Ok(0) };
            match n {
                0 => Ok(0),
                1 => Ok(1),
                _ => Ok(2),
            }
        }
        """
        // 1 + let-else + ? + if + 2 arms
        #expect(ccn(source, .rust)["r"] == 6)
    }

    @Test("Java: methods are Class::method; lambdas count for the enclosing method")
    func javaRules() {
        let source = """
        class A {
            int f(int x) {
                Runnable r = () -> { if (x > 0) { } };
                return x > 1 ? 1 : 0;
            }
        }
        """
        #expect(ccn(source, .java) == ["A::f": 3])
    }

    @Test("JavaScript: +1 per default value in bindings, ?? and ternary count; arrows are units named by their variable")
    func javaScriptRules() {
        let source = """
        function js2(a, b = 1, {c = 2} = {}) {
          return (a ?? b) ? c : 0;
        }
        const arrow = (x) => x > 0 && x < 9;
        """
        let result = ccn(source, .javascript)
        #expect(result["js2"] == 6)
        #expect(result["arrow"] == 2)
    }
}
