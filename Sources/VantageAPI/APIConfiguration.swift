import Foundation
import HummingbirdTLS
import VantageCore
import VantageFormats

/// Where and how the daemon serves its HTTP API: `--listen`/`[api] listen`, the TLS files that an
/// address other than loopback requires, and the limits on a request.
public struct APIConfiguration: Sendable {
    public var address: ListenAddress
    /// Certificate chain and private key (PEM): the API is served over HTTPS when they are given.
    public var tls: (certificate: String, key: String)?
    /// Longest body accepted (413 past it).
    public var bodyLimit = 1 << 20
    /// Time for a request's whole body to arrive (408 past it).
    public var bodyTimeout: Duration = .seconds(10)
    /// A connection that sends nothing for this long (a request head that never ends) is closed.
    public var idleTimeout: Duration = .seconds(30)

    /// Checks what a person gave: a certificate needs its key and the other way round, TLS files
    /// must load, and an address other than loopback must have them (a token sent in clear text
    /// over a network could be read on the way). `source` names where the address came from.
    public init(address: ListenAddress, source: String, certificate: String?, key: String?) throws(VantageError) {
        self.address = address
        switch (certificate, key) {
        case (nil, nil):
            guard address.isLoopback else {
                throw VantageError(.usage, "\(source) \(address) is not a loopback address, and the API would be served without TLS: anyone on the network could read the token and every answer",
                                   hint: "give --tls-cert FILE --tls-key FILE (or tls_cert and tls_key under [api] in vantage.toml), or listen on 127.0.0.1")
            }
            tls = nil
        case (let certificate?, let key?):
            _ = try Self.tlsConfiguration(certificate: certificate, key: key)
            tls = (certificate, key)
        default:
            throw VantageError(.usage, "TLS needs both a certificate and its key", hint: "give both --tls-cert FILE and --tls-key FILE")
        }
    }

    /// The server side of TLS from two PEM files, or an error naming the file that does not load.
    static func tlsConfiguration(certificate: String, key: String) throws(VantageError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificate) } catch {
            throw VantageError(.config, "the TLS certificate does not load: \(error)", at: SourceLocation(file: certificate),
                               hint: "give a PEM certificate (chain), e.g. one made by `openssl req -x509`")
        }
        guard !chain.isEmpty else {
            throw VantageError(.config, "the TLS certificate file holds no certificate", at: SourceLocation(file: certificate))
        }
        let privateKey: NIOSSLPrivateKey
        do { privateKey = try NIOSSLPrivateKey(file: key, format: .pem) } catch {
            throw VantageError(.config, "the TLS private key does not load: \(error)", at: SourceLocation(file: key),
                               hint: "give the PEM private key of the certificate")
        }
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
    }
}
