import AsyncHTTPClient
import NIOCore

/// The HTTP client every engine connection shares. Streams (events, followed logs) each hold a
/// connection for as long as they run, so the per-host pool must be far above the library's
/// default of 8, or ordinary requests would queue behind the streams until their deadline.
public enum DockerHTTP {
    public static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 1024)
        configuration.timeout = .init(connect: .seconds(2))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()
}
