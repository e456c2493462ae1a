import Foundation
import Testing
@testable import VantageCore

/// The one log-severity rule, on lines real programs print (captured from python3, node, rustc,
/// swift, java, npm, sh, ls and the loghub samples), and on lines that only look like errors.
@Suite struct LogSeverityTests {
    @Test(arguments: [
        // Python
        "Traceback (most recent call last):", "ModuleNotFoundError: No module named 'six'",
        "OSError: [Errno 98] Address already in use", "KeyError: 'DATABASE_URL'",
        // Node
        "Error: listen EADDRINUSE: address already in use :::8766", "      throw er; // Unhandled 'error' event",
        "Uncaught TypeError: x is undefined", "Error: Cannot find module 'express'",
        // Rust, Swift, Go, Java
        "error[E0308]: mismatched types", "error: could not compile `x`", "thread 'main' (15838) panicked at p.rs:1:55:",
        "Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range", "panic: runtime error: index out of range [3] with length 1",
        "goroutine 1 [running]:", "thread 'main' panicked at src/main.rs:2:5:", "java.lang.NullPointerException: null",
        #"Exception in thread "main" java.lang.IllegalStateException"#,
        #"Exception in thread "main" java.lang.NullPointerException: Cannot invoke "Object.toString()" because "<local1>" is null"#,
        // Tools and the system
        "npm error code ENOTFOUND", "npm ERR! missing script: start", "sh: 1: nosuchcmd: not found",
        "sh: 1: API_KEY: API_KEY is not set", "bash: line 1: foo: command not found",
        "ls: cannot access '/nonexistent': No such file or directory", "connect ECONNREFUSED 127.0.0.1:5432",
        "Segmentation fault (core dumped)", "Build failed in 2.3s",
        // Log levels (loghub and common formats)
        "2024-01-01 10:00:00,123 ERROR [main] failed", "[Sun Dec 04 04:47:44 2005] [error] mod_jk child in error state 6",
        "level=error msg=\"boom\"", #"{"level":"error","msg":"x"}"#, "FATAL: database down",
    ])
    func errors(_ line: String) {
        #expect(LogSeverity.of(line) == .error)
    }

    @Test(arguments: [
        "<string>:1: DeprecationWarning: old api", "WARNING: This is a development server. Do not use it in a production deployment.",
        "WARN disk 80% full", "level=warn msg=\"slow query\"", "warning: unused variable: `x`", "warn: db pool at 90% (18/20 connections)", "[warn] retrying",
        "npm warn deprecated inflight@1.0.6: This module is not supported",
    ])
    func warnings(_ line: String) {
        #expect(LogSeverity.of(line) == .warning)
    }

    @Test(arguments: [
        "Build complete: 0 errors, 2 warnings", "error_count=0", "INFO request served", "retrying after errors cleared",
        "ErrorPatternTracker started", "== 12 passed, 0 failed in 0.41s ==", "Serving HTTP on 0.0.0.0 port 8765 (http://0.0.0.0:8765/) ...",
        " * Running on http://127.0.0.1:5000", "GET /health 200 3ms",
        // Vantage's own notes in a project's log are not the project's errors.
        "[vantage] state ready → failed", "[vantage] started web (pid 42): ./server --log-level error",
    ])
    func neither(_ line: String) {
        #expect(LogSeverity.of(line) == nil)
    }

    /// The last line a real failing program prints is an error by the rule.
    @Test func whatRealProgramsPrintWhenTheyFail() throws {
        let python = try ChildProcess.run(["python3", "-c", "import json; json.loads('{')"])
        let last = try #require(python.output.split(separator: "\n").last.map(String.init))
        #expect(last.hasPrefix("json.decoder.JSONDecodeError"))
        #expect(LogSeverity.isError(last), "\(last)")
        let shell = try ChildProcess.run(["sh", "-c", "no-such-command-here"])
        let said = shell.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(LogSeverity.isError(said), "\(said)")
    }
}
