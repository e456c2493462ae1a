/// Analyses one file's bytes: tokens, function units, and per-function metrics.
enum FileAnalysis {
    /// Reads the units of `bytes` in `language`. `deadline` bounds the time spent;
    /// when it passes, what was read so far is returned and `partialReason` says so.
    static func analyze(bytes: UnsafeBufferPointer<UInt8>, language: SourceLanguage, path: String,
                        timeBudget: Duration = .seconds(2)) -> FileQuality {
        analyzeWithTokens(bytes: bytes, language: language, path: path, timeBudget: timeBudget).0
    }

    static func analyzeWithTokens(bytes: UnsafeBufferPointer<UInt8>, language: SourceLanguage, path: String,
                                  timeBudget: Duration = .seconds(2), cognitive: Bool = true,
                                  documentation: Bool = true) -> (FileQuality, TokenStream) {
        // Half the budget for tokens, the rest for reading units: a file too big for the
        // budget still yields the functions of its first part.
        let support = LanguageSupports.of(language)
        let (tokens, lexedAll) = Lexer.tokenize(bytes, dialect: support.dialect,
                                                deadline: ContinuousClock.now + timeBudget / 2)
        let stream = TokenStream(bytes: bytes, tokens: tokens)
        let context = UnitContext(deadline: ContinuousClock.now + timeBudget / 2)
        support.readUnits(stream: stream, context: context)
        let structure = cognitive ? BlockStructure(stream: stream, support: support) : nil
        var functions: [FunctionMetrics] = []
        functions.reserveCapacity(context.functions.count)
        for f in context.functions {
            let flow = structure?.flowMetrics(from: f.firstToken, to: f.lastToken, name: f.name) ?? BlockStructure.Flow()
            functions.append(FunctionMetrics(
                name: f.name, longName: f.longName, startLine: f.startLine, endLine: f.endLine, nloc: f.nloc,
                ccn: f.ccn, tokenCount: f.tokenCount, parameterCount: f.parameterCount,
                cognitiveComplexity: flow.cognitive, maxNestingDepth: flow.maxNesting))
        }
        var lines = 0
        for b in bytes where b == 0x0A { lines += 1 }
        if let last = bytes.last, last != 0x0A { lines += 1 }
        let quality = FileQuality(
            path: path, language: language, nloc: context.fileNloc, tokenCount: context.fileTokens,
            lineCount: lines, functions: functions,
            partialReason: context.timedOut || !lexedAll
                ? "time budget of \(timeBudget) spent; functions after line \(context.currentLine) not read"
                : context.stopReason,
            documentation: documentation && !context.stopped
                ? DocCoverageScanner.scan(stream: stream, support: support) : DocCoverage())
        return (quality, stream)
    }
}
