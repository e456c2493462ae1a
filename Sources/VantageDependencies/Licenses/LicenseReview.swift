import VantageCore

/// Every installed package's licence with the policy's verdict: what `vantage deps licenses` prints
/// and the HTTP API's `/dependencies/{project}/licenses` answers.
public struct LicenseReview: Sendable {
    public struct Item: Encodable, Sendable {
        public var finding: LicenseFinding
        /// allowed, approved or violation.
        public var verdict: String
        /// Who approved it and why, or what the violation is.
        public var detail: String?
    }

    public var items: [Item]
    public var violations: Int

    public init(_ findings: [LicenseFinding], policy: LicensePolicy) {
        var violations = 0
        items = findings.map { f in
            switch policy.evaluate(f) {
            case .allowed: return Item(finding: f, verdict: "allowed", detail: nil)
            case .approved(let a): return Item(finding: f, verdict: "approved", detail: "by \(a.who): \(a.why)")
            case .violation(let why):
                violations += 1
                return Item(finding: f, verdict: "violation", detail: why)
            }
        }
        self.violations = violations
    }
}
