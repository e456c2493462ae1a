import Foundation
import VantageCore

/// Parsers for the small text files of /sys temperature sensors. Anything that is not what the
/// kernel writes gives nil: the sensor is left out, never trapped on.
enum SensorParsers {
    /// A `temp*_input` or thermal zone `temp` file: millidegrees Celsius as a decimal integer
    /// (`54000\n`, `-5000\n`). Nil for text that is not one integer, for more digits than any
    /// real reading has, and for values outside `Temperature.plausible` (error codes).
    static func milliCelsius(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var s = ByteScanner(bytes)
        s.skipBlanks()
        var negative = false
        if s.current == UInt8(ascii: "-") { negative = true; s.index += 1 }
        var value = 0, digits = 0
        while let b = s.current, ByteScanner.isDigit(b) {
            digits += 1
            guard digits <= 9 else { return nil }          // 10⁹ m°C is no temperature; no overflow either
            value = value * 10 + Int(b &- 48)
            s.index += 1
        }
        guard digits > 0 else { return nil }
        while let b = s.current {                          // only blanks and newlines may follow
            guard b == ByteScanner.space || b == ByteScanner.tab || b == ByteScanner.newline else { return nil }
            s.index += 1
        }
        let celsius = Double(negative ? -value : value) / 1000
        return Temperature.plausible.contains(celsius) ? celsius : nil
    }

    /// A `name`, `temp*_label` or thermal zone `type` file: its first line, trimmed, with control
    /// characters left out and at most `maxLabelLength` characters; nil when nothing is left.
    static func label(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var end = 0
        while end < bytes.count, bytes[end] != ByteScanner.newline { end += 1 }
        let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        let printable = String(String.UnicodeScalarView(line.unicodeScalars.filter { !$0.properties.generalCategory.isControl }))
            .trimmingCharacters(in: .whitespaces)
        guard !printable.isEmpty else { return nil }
        return String(printable.prefix(maxLabelLength))
    }

    static let maxLabelLength = 32
}

private extension Unicode.GeneralCategory {
    var isControl: Bool { self == .control || self == .format || self == .unassigned }
}
