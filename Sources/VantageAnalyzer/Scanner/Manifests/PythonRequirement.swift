/// One PEP 508 requirement ("flask[async]==3.1.3; python_version>'3.8'") split into the
/// distribution name and the version specifier as written (extras and markers dropped).
struct PythonRequirement: Equatable {
    var name: String
    var specifier: String?

    init?(_ text: String) {
        var s = Substring(text)
        if let semicolon = s.firstIndex(of: ";") { s = s[..<semicolon] }
        s = s.drop { $0 == " " || $0 == "\t" }
        let nameEnd = s.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } ?? s.endIndex
        let name = String(s[..<nameEnd])
        guard !name.isEmpty, name.first!.isLetter || name.first!.isNumber else { return nil }
        var rest = s[nameEnd...].drop { $0 == " " }
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        if rest.first == "@" { // a direct URL reference: no version
            self.name = name
            self.specifier = nil
            return
        }
        if rest.first == "(" , rest.last == ")" { rest = rest.dropFirst().dropLast() }
        let spec = rest.filter { $0 != " " && $0 != "\t" }
        if !spec.isEmpty, let first = spec.first, !"=<>!~".contains(first) { return nil }
        self.name = name
        self.specifier = spec.isEmpty ? nil : String(spec)
    }
}
