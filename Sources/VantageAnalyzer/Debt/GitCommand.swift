import Foundation
import VantageCore

/// Runs read-only `git` commands against a user's repository.
///
/// Never touches the working tree or the index: only `log`, `rev-list`, `ls-tree`, `cat-file` and
/// the like, with `GIT_OPTIONAL_LOCKS=0` so that not even a stat refresh writes the index.
public enum GitCommand {
    /// Output of `git -C repo ARGS`; `input` is written to its standard input.
    public static func run(_ arguments: [String], in repo: String, input: Data? = nil,
                           allowedExitCodes: Set<Int32> = [0]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repo, "--no-pager", "-c", "core.quotepath=off"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inPipe = input.map { _ in Pipe() }
        process.standardInput = inPipe ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw VantageError(.unavailable, "cannot start git: \(error.localizedDescription)",
                               hint: "install git and make sure it is on PATH")
        }
        let group = DispatchGroup()
        let errorOutput = DataBox()
        group.enter()
        DispatchQueue.global().async {
            errorOutput.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let inPipe, let input {
            group.enter()
            DispatchQueue.global().async {
                try? inPipe.fileHandleForWriting.write(contentsOf: input)
                try? inPipe.fileHandleForWriting.close()
                group.leave()
            }
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard allowedExitCodes.contains(process.terminationStatus) else {
            let message = String(decoding: errorOutput.data, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw VantageError(.io, "git \(arguments.first ?? "") failed: \(message)",
                               at: SourceLocation(file: repo), hint: "is this a git repository with at least one commit?")
        }
        return output
    }

    /// Output as text, split into lines (without the empty tail).
    public static func lines(_ arguments: [String], in repo: String) throws -> [String] {
        let text = String(decoding: try run(arguments, in: repo), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0).map(String.init)
    }

    /// Whether `path` is inside a git work tree.
    public static func isRepository(_ path: String) -> Bool {
        (try? run(["rev-parse", "--is-inside-work-tree"], in: path)) != nil
    }

    /// `2024-03-01 12:00:00 +0000`: a date form every git version parses exactly.
    static func gitDate(_ date: Date) -> String { UTCTime.git(date) }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
