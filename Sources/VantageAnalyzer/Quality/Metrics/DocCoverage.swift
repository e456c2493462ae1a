/// How many public functions and types carry the language's doc comment.
public struct DocCoverage: Codable, Sendable, Equatable {
    public var publicSymbols: Int
    public var documented: Int
    /// Public symbols without documentation: name and line.
    public var undocumented: [DocSymbol]

    public init(publicSymbols: Int = 0, documented: Int = 0, undocumented: [DocSymbol] = []) {
        self.publicSymbols = publicSymbols
        self.documented = documented
        self.undocumented = undocumented
    }

    /// Share documented, 0…1; 1 when there is nothing public to document.
    public var ratio: Double { publicSymbols == 0 ? 1 : Double(documented) / Double(publicSymbols) }

    public static func + (a: DocCoverage, b: DocCoverage) -> DocCoverage {
        DocCoverage(publicSymbols: a.publicSymbols + b.publicSymbols, documented: a.documented + b.documented,
                    undocumented: a.undocumented + b.undocumented)
    }
}

public struct DocSymbol: Codable, Sendable, Equatable {
    public var name: String
    public var line: Int
}
