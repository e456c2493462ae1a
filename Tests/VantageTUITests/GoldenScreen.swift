import Foundation
@testable import VantageTUI

/// A golden screen file: the text of every row, then the styled runs of cells with their colours
/// resolved through the theme, so dark and light goldens differ where the colours do.
enum GoldenScreen {
    static var folder: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens") }
    static var recording: Bool { ProcessInfo.processInfo.environment["VANTAGE_RECORD_GOLDENS"] == "1" }

    static func describe(_ color: ThemeColor) -> String {
        switch color {
        case .terminalDefault: return "default"
        case let .rgb(r, g, b):
            func hex(_ v: UInt8) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
            return "#" + hex(r) + hex(g) + hex(b)
        case .indexed(let i): return "idx\(i)"
        }
    }

    static func describe(_ style: CellStyle, theme: Theme) -> String {
        var s = "fg=" + describe(theme.color(for: style.fg)) + " bg=" + describe(theme.color(for: style.bg ?? .background))
        if style.bold { s += " bold" }
        if style.dim { s += " dim" }
        if style.underline { s += " underline" }
        if style.reverse { s += " reverse" }
        return s
    }

    /// The file text for a buffer under a theme.
    static func render(_ buffer: Buffer, theme: Theme, header: String) -> String {
        var out = ["# \(header)", "# text (\(buffer.width)x\(buffer.height)); each row between the bars"]
        out += buffer.lines.map { "|" + $0 + "|" }
        out.append("# styles: runs of cells not in the plain style (plain = \(describe(.plain, theme: theme)))")
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                let style = buffer[x, y].style
                var end = x
                let key = describe(style, theme: theme)
                while end + 1 < buffer.width, describe(buffer[end + 1, y].style, theme: theme) == key { end += 1 }
                if style != .plain { out.append("row \(y) cols \(x)-\(end) \(key)") }
                x = end + 1
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Compares with (or, when recording, writes) `Goldens/<name>.txt`. Returns a readable diff
    /// on mismatch, nil when equal.
    static func check(_ name: String, actual: String) throws -> String? {
        let url = folder.appendingPathComponent(name + ".txt")
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "golden \(name).txt is missing: record it with VANTAGE_RECORD_GOLDENS=1 swift test --filter Golden"
        }
        guard expected != actual else { return nil }
        return diff(expected: expected, actual: actual, name: name)
    }

    static func diff(expected: String, actual: String, name: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out = ["golden \(name).txt differs (re-record with VANTAGE_RECORD_GOLDENS=1 swift test --filter Golden):"]
        var shown = 0
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<none>", al = i < a.count ? String(a[i]) : "<none>"
            guard el != al else { continue }
            out.append("  line \(i + 1):")
            out.append("  - \(el)")
            out.append("  + \(al)")
            shown += 1
            if shown == 30 { out.append("  ... more differences left out"); break }
        }
        return out.joined(separator: "\n")
    }
}
