import ArgumentParser
import Foundation

/// Options shared by every command that works on a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .customLong("root"), help: ArgumentHelp("A workspace folder to scan for projects (repeatable).", valueName: "dir"))
    var roots: [String] = []

    /// Absolute, existing roots; the current folder when none was given.
    func resolvedRoots() throws -> [String] {
        let given = roots.isEmpty ? [FileManager.default.currentDirectoryPath] : roots
        return try given.map { raw in
            let url = URL(fileURLWithPath: raw, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            let path = url.standardizedFileURL.path
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
                throw CommandLineFailure(message: "--root \(raw): no such folder", status: 2)
            }
            return path
        }
    }
}
