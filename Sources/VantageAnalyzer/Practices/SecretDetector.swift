import Foundation

/// Finds secret-looking strings in one line, conservatively: tools that cry wolf get switched off.
///
/// - AWS access key ids (`AKIA` + 16 upper-case letters or digits);
/// - private key headers (`-----BEGIN ... PRIVATE KEY-----`);
/// - a string literal of 4+ characters assigned to a name such as `password`, `api_key`, `secret`,
///   `token` (templating such as `"${PASSWORD}"` and obvious placeholders such as `"<your key>"` or
///   `"example"` are left alone; a default password such as `"changeme"` is still a password);
/// - a quoted token of 32+ characters from the base64/hex alphabet with letters and digits and a
///   Shannon entropy of at least 4.5 bits per character.
enum SecretDetector {
    struct Hit: Equatable {
        var what: String
    }

    private static let awsKey = try! NSRegularExpression(pattern: #"\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b"#)
    private static let privateKey = try! NSRegularExpression(
        pattern: #"-----BEGIN ((RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----"#)
    private static let assignment = try! NSRegularExpression(
        pattern: #"(?i)\b(password|passwd|pwd|secret|secret_key|client_secret|api_?key|api-key|access_?token|auth_?token|private_key|token)["']?\s*(:=|=|:)\s*["']([^"'\s]{4,})["']"#)
    private static let quoted = try! NSRegularExpression(pattern: #"["']([A-Za-z0-9+/=_\-]{32,})["']"#)

    private static let placeholderMarks = ["${", "{{", "<", "%(", "%s", "xxx", "XXX", "example", "your", "dummy",
                                           "placeholder", "redacted", "*****", "env(", "environ", "getenv"]

    static func scan(_ line: String, entropyCheck: Bool) -> Hit? {
        let range = NSRange(line.startIndex..., in: line)
        if awsKey.firstMatch(in: line, range: range) != nil { return Hit(what: "an AWS access key id") }
        if privateKey.firstMatch(in: line, range: range) != nil { return Hit(what: "a private key") }
        if let m = assignment.firstMatch(in: line, range: range), let v = Range(m.range(at: 3), in: line) {
            let value = String(line[v])
            let name = Range(m.range(at: 1), in: line).map { String(line[$0]) } ?? "secret"
            if !placeholderMarks.contains(where: { value.contains($0) }), Set(value).count > 2 {
                return Hit(what: "a literal \(name.lowercased())")
            }
        }
        if entropyCheck {
            for m in quoted.matches(in: line, range: range) {
                guard let r = Range(m.range(at: 1), in: line) else { continue }
                let token = line[r]
                if looksRandom(token) { return Hit(what: "a high-entropy token") }
            }
        }
        return nil
    }

    /// Letters and digits mixed, and at least 4.5 bits of entropy per character.
    static func looksRandom(_ token: Substring) -> Bool {
        var hasDigit = false, hasLetter = false
        var counts: [Character: Int] = [:]
        for c in token {
            if c.isNumber { hasDigit = true } else if c.isLetter { hasLetter = true }
            counts[c, default: 0] += 1
        }
        guard hasDigit, hasLetter else { return false }
        let n = Double(token.count)
        let entropy = counts.values.reduce(0.0) { h, k in
            let p = Double(k) / n
            return h - p * log2(p)
        }
        return entropy >= 4.5
    }
}
