/// lizard's `--csv` rows: NLOC,CCN,token,PARAM,length,location,file,function,long_name,start,end,
/// quoted and formatted exactly as lizard 1.24.3 prints them.
public enum LizardCSV {
    public static let header = "NLOC,CCN,token,PARAM,length,location,file,function,long_name,start,end"

    public static func row(_ f: FunctionMetrics, file: String) -> String {
        let name = f.name.replacingOccurrences(of: "\"", with: "'")
        let longName = f.longName.replacingOccurrences(of: "\"", with: "'")
        return "\(f.nloc),\(f.ccn),\(f.tokenCount),\(f.parameterCount),\(f.length),"
            + "\"\(name)@\(f.startLine)-\(f.endLine)@\(file)\",\"\(file)\",\"\(name)\",\"\(longName)\",\(f.startLine),\(f.endLine)"
    }

    public static func rows(_ report: QualityReport) -> [String] {
        report.files.flatMap { file in file.functions.map { row($0, file: file.path) } }
    }
}
