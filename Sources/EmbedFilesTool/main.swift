// Writes a Swift file that holds text files of the package as string literals, for the
// EmbedFiles build-tool plugin (Plugins/EmbedFiles): the shipped themes, keymaps and licence
// texts are compiled into the one static binary, so it works from any directory.
//
// Usage: EmbedFilesTool OUTPUT [PROPERTY DIRECTORY EXTENSION]...
// Each group becomes `static let PROPERTY: [String: String]` of `enum EmbeddedFiles`, keyed by
// file name without the extension, every file of DIRECTORY ending in .EXTENSION, byte for byte.
import Foundation

func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("EmbedFilesTool: \(message)\n".utf8))
    exit(1)
}

let args = Array(CommandLine.arguments.dropFirst())
guard let output = args.first, (args.count - 1) % 3 == 0 else {
    fail("usage: EmbedFilesTool OUTPUT [PROPERTY DIRECTORY EXTENSION]...")
}
var lines = ["// Generated at build time by the EmbedFiles plugin from the package's shipped files; do not edit.",
             "enum EmbeddedFiles {"]
for start in stride(from: 1, to: args.count, by: 3) {
    let (property, directory, ext) = (args[start], args[start + 1], args[start + 2])
    let names: [String]
    do {
        names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix("." + ext) }.sorted()
    } catch {
        fail("cannot list \(directory): \(error)")
    }
    lines.append("    static let \(property): [String: String] = [")
    for name in names {
        let path = directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            fail("cannot read \(path) as UTF-8")
        }
        lines.append("        \(literal(String(name.dropLast(ext.count + 1)))): \(literal(text)),")
    }
    lines.append("    ]")
}
lines.append("}")
do {
    try (lines.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    fail("cannot write \(output): \(error)")
}
