import Foundation
import PackagePlugin

/// Compiles shipped text files into the targets that need them (`enum EmbeddedFiles`), so the
/// one static binary carries its default themes, keymaps and licence texts and works from any
/// directory; the files in the repository stay the single source. Package resources would need
/// a bundle beside the binary, which `swift run` and installed copies do not have.
@main
struct EmbedFiles: BuildToolPlugin {
    /// Per target: the property, the folder at the package root, and the file extension.
    static let groups: [String: [(property: String, folder: String, ext: String)]] = [
        "VantageTUI": [("themes", "themes", "toml"), ("keymaps", "keymaps", "toml")],
        "VantageDependencies": [("licenses", "licenses", "txt")],
        "VantageAPI": [("contracts", "docs", "yaml")],
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let groups = Self.groups[target.name] else { return [] }
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var arguments = [output.path]
        var inputs: [URL] = []
        for group in groups {
            let folder = root.appending(path: group.folder)
            let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == group.ext }
            inputs += files
            arguments += [group.property, folder.path, group.ext]
        }
        return [.buildCommand(displayName: "Embedding \(groups.map(\.folder).joined(separator: ", ")) in \(target.name)",
                              executable: try context.tool(named: "EmbedFilesTool").url,
                              arguments: arguments, inputFiles: inputs, outputFiles: [output])]
    }
}
