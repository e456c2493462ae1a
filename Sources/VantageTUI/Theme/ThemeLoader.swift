import Foundation
import VantageCore

/// Reads theme files:
///
/// ```toml
/// name = "dark"
/// variant = "dark"          # or "light"
/// [colors]
/// background = "default"    # the terminal's own background
/// text = "#c8ccd4"
/// accent = 75               # xterm-256 index
/// warn = "bright-yellow"    # one of the 16 names
/// [colors.node]
/// project = "#61afef"       # role node.project
/// ```
///
/// Every role of `StyleRole` must be given. Every error names the file, the line and the field.
public enum ThemeLoader {
    public static func load(contentsOf path: String) throws(VantageError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VantageError(.io, "cannot read the theme file", at: SourceLocation(file: path),
                               hint: "check that it exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VantageError(.config, "the theme file is not valid UTF-8", at: SourceLocation(file: path, line: TOMLParser.firstInvalidUTF8Line(data)))
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(VantageError) -> Theme {
        let root = try TOMLParser.parse(text, file: file)
        func at(_ field: String, _ line: Int?) -> SourceLocation { SourceLocation(file: file, line: line, field: field) }

        for entry in root.entries where !["name", "variant", "colors"].contains(entry.key) {
            throw VantageError(.config, "unknown key \"\(entry.key)\"", at: at(entry.key, entry.line),
                               hint: "a theme has name, variant and [colors]")
        }
        var name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        if let entry = root.entry("name") {
            guard case .string(let s) = entry.value, !s.isEmpty else {
                throw VantageError(.config, "expected a non-empty string, found \(entry.value.typeDescription)",
                                   at: at("name", entry.line))
            }
            name = s
        }
        guard let variantEntry = root.entry("variant") else {
            throw VantageError(.config, "missing variant", at: at("variant", nil),
                               hint: "add variant = \"dark\" or variant = \"light\"")
        }
        guard case .string(let variantText) = variantEntry.value, let variant = Theme.Variant(rawValue: variantText) else {
            let found = variantEntry.value.stringValue.map { "\"\($0)\"" } ?? variantEntry.value.typeDescription
            throw VantageError(.config, "variant must be \"dark\" or \"light\", found \(found)",
                               at: at("variant", variantEntry.line))
        }
        guard let colorsEntry = root.entry("colors") else {
            throw VantageError(.config, "missing [colors] table", at: at("colors", nil),
                               hint: "see themes/dark.toml for every role")
        }
        guard case .table(let colorsTable) = colorsEntry.value else {
            throw VantageError(.config, "expected a table, found \(colorsEntry.value.typeDescription)",
                               at: at("colors", colorsEntry.line))
        }
        var colors: [StyleRole: ThemeColor] = [:]
        try read(colorsTable, prefix: "", file: file, into: &colors)
        for role in StyleRole.allCases where colors[role] == nil {
            let line = colorsTable.line > 0 ? colorsTable.line : colorsEntry.line
            throw VantageError(.config, "missing colour for role \"\(role.rawValue)\"", at: at("colors.\(role.rawValue)", line),
                               hint: "every role needs a colour; see themes/dark.toml")
        }
        return Theme(name: name, variant: variant, colors: colors, source: file)
    }

    private static func read(_ table: TOMLTable, prefix: String, file: String,
                             into colors: inout [StyleRole: ThemeColor]) throws(VantageError) {
        for entry in table.entries {
            let roleName = prefix + entry.key
            let location = SourceLocation(file: file, line: entry.line, field: "colors.\(roleName)")
            if case .table(let sub) = entry.value, prefix.isEmpty, entry.key == "node" || entry.key == "cluster" {
                try read(sub, prefix: entry.key + ".", file: file, into: &colors)
                continue
            }
            guard let role = StyleRole(rawValue: roleName) else {
                throw VantageError(.config, "unknown colour role \"\(roleName)\"", at: location,
                                   hint: "roles are \(StyleRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            colors[role] = try ThemeColorParser.parse(entry.value, at: location)
        }
    }
}

extension ThemeLoader {
    /// The theme `--theme NAME|PATH` names (see `ConfigLocator` for the search order).
    public static func resolve(_ nameOrPath: String, locator: ConfigLocator) throws(VantageError) -> Theme {
        switch locator.find(nameOrPath, kind: .theme) {
        case .file(let path): return try load(contentsOf: path)
        case .builtin(let text, let label): return try parse(text, file: label)
        case .missing(let searched):
            throw VantageError(.notFound, "no theme named \"\(nameOrPath)\"",
                               hint: "looked in \(searched.joined(separator: ", ")); available themes are \(locator.available(.theme).joined(separator: ", "))")
        }
    }

    /// The selected theme and its partner for the dark/light toggle: `X-dark` pairs with
    /// `X-light` (and back) when that exists, otherwise the other variant is `dark` or `light`.
    public static func resolvePair(_ nameOrPath: String?, locator: ConfigLocator) throws(VantageError) -> ThemePair {
        let selected = try resolve(nameOrPath ?? "dark", locator: locator)
        let wanted: Theme.Variant = selected.variant == .dark ? .light : .dark
        var partnerNames: [String] = []
        let from = "-" + selected.variant.rawValue, to = "-" + wanted.rawValue
        if selected.name.hasSuffix(from) { partnerNames.append(String(selected.name.dropLast(from.count)) + to) }
        partnerNames.append(wanted.rawValue)
        for name in partnerNames {
            if case .missing = locator.find(name, kind: .theme) { continue }
            let partner = try resolve(name, locator: locator)
            return ThemePair(current: selected, other: partner)
        }
        return ThemePair(current: selected, other: builtin(wanted.rawValue))
    }

    /// A compiled-in theme (`dark`, `light`, `high-contrast`, `solarized-dark`, `solarized-light`).
    public static func builtin(_ name: String) -> Theme {
        let text = EmbeddedFiles.themes[name] ?? EmbeddedFiles.themes["dark"]!
        // The shipped texts are tested to parse.
        return (try? parse(text, file: "builtin:themes/\(name).toml"))
            ?? Theme(name: name, variant: .dark, colors: [:])
    }
}

/// The two themes `t` switches between.
public struct ThemePair: Sendable, Equatable {
    public private(set) var current: Theme
    public private(set) var other: Theme

    public init(current: Theme, other: Theme) {
        self.current = current
        self.other = other
    }

    public var dark: Theme { current.variant == .dark ? current : other }
    public var light: Theme { current.variant == .light ? current : other }

    /// Switches to the other theme.
    public mutating func toggle() { swap(&current, &other) }
}
