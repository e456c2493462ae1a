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

    /// The whole `--csv` output as bytes (each row followed by a newline), the same text as
    /// `rows` joined, written without making a string per row (a large report has many).
    public static func text(_ report: QualityReport, header withHeader: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(report.files.reduce(0) { $0 + $1.functions.count } * 192)
        if withHeader { out += header.utf8; out.append(0x0A) }
        for file in report.files {
            let path = Array(file.path.utf8)
            for f in file.functions {
                let name = Array(quotesReplaced(f.name).utf8)
                append(f.nloc, &out); out.append(0x2C)
                append(f.ccn, &out); out.append(0x2C)
                append(f.tokenCount, &out); out.append(0x2C)
                append(f.parameterCount, &out); out.append(0x2C)
                append(f.length, &out); out.append(0x2C)
                out.append(0x22); out += name; out.append(0x40)
                append(f.startLine, &out); out.append(0x2D); append(f.endLine, &out)
                out.append(0x40); out += path; out += [0x22, 0x2C, 0x22]
                out += path; out += [0x22, 0x2C, 0x22]
                out += name; out += [0x22, 0x2C, 0x22]
                out += quotesReplaced(f.longName).utf8; out += [0x22, 0x2C]
                append(f.startLine, &out); out.append(0x2C)
                append(f.endLine, &out); out.append(0x0A)
            }
        }
        return out
    }

    /// Appends `n` in decimal.
    private static func append(_ n: Int, _ out: inout [UInt8]) {
        if n < 0 { out.append(0x2D); append(-n, &out); return }
        if n < 10 { out.append(0x30 + UInt8(n)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 { buffer[count] = 0x30 + UInt8(v % 10); v /= 10; count += 1 }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    public static func rows(_ report: QualityReport) -> [String] {
        report.files.flatMap { file in file.functions.map { row($0, file: file.path) } }
    }
}
