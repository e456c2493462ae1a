import Foundation

/// WCAG 2 relative luminance and contrast ratio of colours: what the shipped themes are held to
/// (text 4.5:1, muted and coloured words 3:1) and how a background is judged dark or light.
public enum Contrast {
    /// Relative luminance, 0 (black) … 1 (white).
    public static func luminance(_ c: (UInt8, UInt8, UInt8)) -> Double {
        func channel(_ v: UInt8) -> Double {
            let s = Double(v) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    /// The contrast ratio of two colours, 1 … 21.
    public static func ratio(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The colour's RGB (xterm's palette for indexed colours); nil for the terminal's default.
    public static func rgb(_ color: ThemeColor) -> (UInt8, UInt8, UInt8)? {
        switch color {
        case .terminalDefault: return nil
        case .rgb(let r, let g, let b): return (r, g, b)
        case .indexed(let i): return ColorMapping.rgb(ofIndex: Int(i))
        }
    }

    /// A background darker than mid-grey (luminance below that of #767676, the point where black and
    /// white text contrast equally) is dark.
    public static func isDark(_ background: (UInt8, UInt8, UInt8)) -> Bool { luminance(background) < 0.18 }
}
