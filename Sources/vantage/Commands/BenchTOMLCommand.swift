import ArgumentParser
import Foundation
import VantageCore
import VantageTUI

/// `vantage bench toml FILE...`: how long the TOML reader takes on each file (and, with `--theme`
/// or `--keymap`, loading it as one), with the outcome: the number of top-level keys, or the error.
struct BenchTOMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toml",
        abstract: "Time the TOML reader (or the theme or keymap loader) on files.")

    @Argument(help: "TOML files.") var files: [String]
    @Flag(name: .long, help: "Load each file as a theme.") var theme = false
    @Flag(name: .long, help: "Load each file as a keymap.") var keymap = false

    func run() throws {
        for file in files {
            let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            let start = ContinuousClock.now
            let outcome: String
            do {
                if theme {
                    outcome = "theme \(try ThemeLoader.load(contentsOf: file).name)"
                } else if keymap {
                    outcome = "keymap of \(try KeymapLoader.load(contentsOf: file).bindings.count) actions"
                } else {
                    outcome = "\(try TOMLParser.parse(contentsOf: file).entries.count) top-level keys"
                }
            } catch {
                outcome = "error: \(error)"
            }
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            print("\((file as NSString).lastPathComponent): \(bytes) bytes in \(String(format: "%.1f", ms)) ms (\(outcome.prefix(160)))")
        }
    }
}
