/// lizard's `--csv` rows: NLOC,CCN,token,PARAM,length,location,file,function,long_name,start,end,
/// quoted and formatted exactly as lizard 1.24.3 prints them.
public enum LizardCSV {
    public static let header = "NLOC,CCN,token,PARAM,length,location,file,function,long_name,start,end"

    public static func row(_ f: FunctionMetrics, file: String) -> String {
        let name = quotesReplaced(f.name)
        let longName = quotesReplaced(f.longName)
        return "\(f.nloc),\(f.ccn),\(f.tokenCount),\(f.parameterCount),\(f.length),"
            + "\"\(name)@\(f.startLine)-\(f.endLine)@\(file)\",\"\(file)\",\"\(name)\",\"\(longName)\",\(f.startLine),\(f.endLine)"
    }

    /// lizard writes `"` inside a field as `'`.
    private static func quotesReplaced(_ s: String) -> String {
        guard s.utf8.contains(0x22) else { return s }
        return String(decoding: s.utf8.map { $0 == 0x22 ? 0x27 : $0 }, as: UTF8.self)
    }

    public static func rows(_ report: QualityReport) -> [String] {
        report.files.flatMap { file in file.functions.map { row($0, file: file.path) } }
    }
}
