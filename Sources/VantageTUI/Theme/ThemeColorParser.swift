import Foundation
import VantageCore

/// Reads one colour value of a theme file: `"#rrggbb"`, an integer 0–255, one of the 16 names
/// (`black` … `white`, `bright-black` … `bright-white`), or `"default"`.
public enum ThemeColorParser {
    public static let names: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    static let hint = "use \"#rrggbb\", 0-255, a name such as \"bright-blue\", or \"default\""

    public static func parse(_ value: TOMLValue, at location: SourceLocation) throws(VantageError) -> ThemeColor {
        switch value {
        case .integer(let i):
            guard (0...255).contains(i) else {
                throw VantageError(.config, "\(i) is not a colour index", at: location, hint: "use 0-255")
            }
            return .indexed(UInt8(i))
        case .string(let text):
            if let color = parse(text) { return color }
            throw VantageError(.config, "\"\(text)\" is not a colour", at: location, hint: hint)
        default:
            throw VantageError(.config, "expected a colour (a string or 0-255), found \(value.typeDescription)",
                               at: location, hint: hint)
        }
    }

    /// The colour a string names, or nil.
    public static func parse(_ text: String) -> ThemeColor? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "default" { return .terminalDefault }
        if let i = names.firstIndex(of: t) { return .indexed(UInt8(i)) }
        guard t.hasPrefix("#"), t.count == 7 else { return nil }
        let hex = t.dropFirst()
        guard hex.allSatisfy(\.isHexDigit), let v = UInt32(hex, radix: 16) else { return nil }
        return .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
    }

    /// How a colour is written in a theme file.
    public static func format(_ color: ThemeColor) -> String {
        switch color {
        case .terminalDefault: return "default"
        case .indexed(let i): return i < 16 ? names[Int(i)] : String(i)
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }
}
