import VantageCore

/// A project's optional `.vantage.toml`, as far as the scanner uses it: `name`, `command` and
/// `ports` override or add to what was detected. A `command` with no other evidence makes a
/// project of kind `command`.
struct VantageProjectFile: Equatable {
    static let fileName = ".vantage.toml"

    var name: String?
    var command: String?
    var ports: [Int] = []

    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> VantageProjectFile? {
        guard files.contains(fileName) else { return nil }
        let path = folder + "/" + fileName
        guard let toml = warnings.reading({ () throws(VantageError) in try TOMLParser.parse(contentsOf: path) }) else { return nil }
        var file = VantageProjectFile()
        if let entry = toml.entry("name") {
            if let s = entry.value.stringValue, !s.isEmpty { file.name = s } else {
                warnings.add("'name' must be a non-empty string", file: path, line: entry.line, field: "name")
            }
        }
        if let entry = toml.entry("command") {
            if let s = entry.value.stringValue, !s.isEmpty { file.command = s } else {
                warnings.add("'command' must be a non-empty string", file: path, line: entry.line, field: "command")
            }
        }
        if let entry = toml.entry("ports") {
            let items = entry.value.arrayValue ?? [entry.value]
            for item in items {
                guard let n = item.intValue, (1...65535).contains(n) else {
                    warnings.add("'ports' must hold port numbers from 1 to 65535", file: path, line: entry.line, field: "ports",
                                 hint: "for example ports = [8080, 8443]")
                    continue
                }
                file.ports.append(Int(n))
            }
        }
        return file
    }
}
