/// Turns per-function and per-file metrics into smells with remediation estimates.
///
/// Remediation minutes (a SQALE-style linear model): long function 20 + 1 per 3
/// lines over; high CCN 10 + 2 per point over; too many parameters 15 + 5 per
/// extra parameter; deep nesting 15 per level over; large file 60 + 1 per 20 lines
/// over; god type 120 + 10 per method over; duplicated block 15 + 1 per 5 lines.
enum SmellDetector {
    static func smells(in file: FileQuality, types: [TypeSpan], thresholds: SmellThresholds) -> [Smell] {
        var result: [Smell] = []
        for f in file.functions {
            if f.nloc > thresholds.functionNLOC {
                result.append(Smell(
                    kind: .longFunction, file: file.path, line: f.startLine, endLine: f.endLine,
                    message: "\(f.name) has \(f.nloc) lines of code (limit \(thresholds.functionNLOC)); split it into smaller functions",
                    remediationMinutes: 20 + (f.nloc - thresholds.functionNLOC) / 3))
            }
            if f.ccn > thresholds.ccn {
                result.append(Smell(
                    kind: .highComplexity, file: file.path, line: f.startLine, endLine: f.endLine,
                    message: "\(f.name) has cyclomatic complexity \(f.ccn) (limit \(thresholds.ccn)); extract branches into functions",
                    remediationMinutes: 10 + 2 * (f.ccn - thresholds.ccn)))
            }
            if f.parameterCount > thresholds.parameters {
                result.append(Smell(
                    kind: .tooManyParameters, file: file.path, line: f.startLine, endLine: f.startLine,
                    message: "\(f.name) takes \(f.parameterCount) parameters (limit \(thresholds.parameters)); group them into a type",
                    remediationMinutes: 15 + 5 * (f.parameterCount - thresholds.parameters)))
            }
            if f.maxNestingDepth > thresholds.nestingDepth {
                result.append(Smell(
                    kind: .deepNesting, file: file.path, line: f.startLine, endLine: f.endLine,
                    message: "\(f.name) nests \(f.maxNestingDepth) levels deep (limit \(thresholds.nestingDepth)); return early or extract the inner blocks",
                    remediationMinutes: 15 * (f.maxNestingDepth - thresholds.nestingDepth)))
            }
        }
        if file.nloc > thresholds.fileNLOC {
            result.append(Smell(
                kind: .largeFile, file: file.path, line: 1, endLine: file.lineCount,
                message: "\(file.path) has \(file.nloc) lines of code (limit \(thresholds.fileNLOC)); split it by responsibility",
                remediationMinutes: 60 + (file.nloc - thresholds.fileNLOC) / 20))
        }
        for type in types {
            let members = file.functions.filter { $0.startLine >= type.startLine && $0.startLine <= type.endLine }
            let nloc = members.reduce(0) { $0 + $1.nloc }
            if members.count > thresholds.typeMethods || nloc > thresholds.typeNLOC {
                let over = max(0, members.count - thresholds.typeMethods)
                result.append(Smell(
                    kind: .godType, file: file.path, line: type.startLine, endLine: type.endLine,
                    message: "\(type.name) has \(members.count) methods and \(nloc) lines in them (limits \(thresholds.typeMethods) / \(thresholds.typeNLOC)); split its responsibilities",
                    remediationMinutes: 120 + 10 * over))
            }
        }
        return result
    }
}
