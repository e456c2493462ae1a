/// A function unit while it is being read: the mutable counterpart of `FunctionMetrics`.
/// A class because the same unit is referenced from the nesting stack and as the
/// current function at once (lizard's FunctionInfo).
final class FunctionInfo {
    var name: String
    var longName: String
    var startLine: Int
    var endLine: Int
    var nloc = 1
    var tokenCount = 1
    var ccn = 1
    var fullParameters: [String] = []
    var topNestingLevel = -1
    let isGlobal: Bool
    /// Byte range of the unit's tokens, for cognitive complexity and nesting depth.
    var firstToken = 0
    var lastToken = 0

    init(name: String, startLine: Int, isGlobal: Bool = false) {
        self.name = name
        self.longName = name
        self.startLine = startLine
        self.endLine = startLine
        self.isGlobal = isGlobal
    }

    var longNameEndsWithParen: Bool { longName.utf8.last == 0x29 }

    func addToFunctionName(_ text: String) {
        name += text
        longName += text
    }

    func addToLongName(_ text: String) {
        if let last = longName.unicodeScalars.last, let first = text.unicodeScalars.first,
           Self.isAlpha(last), Self.isAlpha(first) {
            longName += " "
        }
        longName += text
    }

    @inline(__always) private static func isAlpha(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        return c.properties.isAlphabetic
    }

    func addParameter(_ token: String) {
        addToLongName(" " + token)
        if fullParameters.isEmpty {
            fullParameters.append(token)
        } else if token == "," {
            fullParameters.append("")
        } else {
            fullParameters[fullParameters.count - 1] += " " + token
        }
    }

    /// lizard counts a parameter when `(\w+)(\s=.*)?(\s:.*)?$` is found in it: it ends in a
    /// word character, or has a word followed by whitespace and `=` or `:`.
    var parameterCount: Int {
        fullParameters.reduce(0) { count, parameter in
            let bytes = Array(parameter.utf8)
            guard let last = bytes.last else { return count }
            if ByteClass.isWord(last) { return count + 1 }
            if bytes.count >= 3 {
                for i in 0..<(bytes.count - 2)
                where ByteClass.isWord(bytes[i]) && ByteClass.isSpace(bytes[i + 1]) && (bytes[i + 2] == 0x3D || bytes[i + 2] == 0x3A) {
                    return count + 1
                }
            }
            return count
        }
    }
}
