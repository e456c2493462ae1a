import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import HummingbirdCore
import Synchronization
import VantageCore
import VantageOrchestrator

/// The daemon's HTTP API (issue 16) on Hummingbird: every request is checked (token, body size
/// and time) and then turned into the daemon's own `ControlRequest`, answered by the same handler
/// as the unix control socket (`ControlHandling`), or into a call of the same analysis and
/// dependency functions the CLI runs.
public final class APIServer: Sendable {
    /// The port it listens on (the one asked for, or the one the system chose for port 0).
    public let port: Int
    public let isTLS: Bool
    private let running: Task<Void, Never>

    private init(port: Int, isTLS: Bool, running: Task<Void, Never>) {
        self.port = port
        self.isTLS = isTLS
        self.running = running
    }

    /// Binds and starts serving; returns once it listens, or throws why it cannot (the address is
    /// taken, the token file cannot be made). `bus`: the daemon's, whose output lines `/metrics` counts.
    public static func start(_ configuration: APIConfiguration, control: any ControlHandling, bus: Bus?, paths: VantagePaths) async throws(VantageError) -> APIServer {
        _ = try APIToken.current(paths)
        let handlers = APIHandlers(control: control, paths: paths, configuration: configuration, metrics: MetricsExposition(bus: bus))
        let router = Router(context: APIRequestContext.self)
        let routes = RouteTable()
        router.add(middleware: ProblemMiddleware(bodyLimit: configuration.bodyLimit, routes: routes))
        router.add(middleware: BearerTokenMiddleware(tokenFile: APIToken.path(paths)))
        handlers.register(on: router, table: routes)

        var server = HTTPServerBuilder.http1(configuration: .init(idleTimeout: .nanoseconds(configuration.idleTimeout.nanoseconds)))
        if let tls = configuration.tls {
            do { server = try .tls(server, tlsConfiguration: try APIConfiguration.tlsConfiguration(certificate: tls.certificate, key: tls.key)) }
            catch let error as VantageError { throw error }
            catch { throw VantageError(.config, "TLS cannot be set up: \(error)") }
        }
        var logger = Logger(label: "vantage-api")
        logger.logLevel = .error
        let started = StartSignal()
        let address = configuration.address
        let app = Application(router: router, server: server,
                              configuration: .init(address: .hostname(address.host, port: address.port), serverName: nil),
                              onServerRunning: { channel in started.resolve(.success(channel.localAddress?.port ?? address.port)) },
                              logger: logger)
        let running = Task {
            do { try await app.run() } catch { started.resolve(.failure(error)) }
            started.resolve(.failure(CancellationError()))
        }
        switch await started.value {
        case .success(let port):
            return APIServer(port: port, isTLS: configuration.tls != nil, running: running)
        case .failure(let error):
            running.cancel()
            throw VantageError(.unavailable, "the HTTP API cannot listen on \(address): \(error)",
                               hint: "choose another port with --listen, or stop what listens there")
        }
    }

    /// Stops accepting and ends the server (open requests are cut).
    public func stop() async {
        running.cancel()
        await running.value
    }
}

/// The first outcome of starting: the port once the server runs, or the error that ended it.
final class StartSignal: Sendable {
    private let state = Mutex<(result: Result<Int, any Error>?, waiter: CheckedContinuation<Result<Int, any Error>, Never>?)>((nil, nil))

    func resolve(_ result: Result<Int, any Error>) {
        let waiter = state.withLock { s -> CheckedContinuation<Result<Int, any Error>, Never>? in
            guard s.result == nil else { return nil }
            s.result = result
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume(returning: result)
    }

    var value: Result<Int, any Error> {
        get async {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { s -> Result<Int, any Error>? in
                    if s.result == nil { s.waiter = continuation }
                    return s.result
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }
}

/// Each request's context: Hummingbird's, with the API's body limit.
struct APIRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }
    var maxUploadSize: Int { 1 << 20 }
}

/// Every endpoint but `GET /healthz` needs `Authorization: Bearer TOKEN`, compared in constant
/// time with the token file as it is now (a rotation takes effect at once).
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokenFile: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/healthz" { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw APIProblem.unauthorized
        }
        let token: String
        do { token = try APIToken.read(tokenFile) } catch {
            throw APIProblem(.unauthorized, "unauthorized", "A valid bearer token is needed",
                             detail: "the daemon cannot read its token (\(error.message)); `vantage api token --rotate` makes a new one")
        }
        guard APIToken.matches(header.dropFirst(7).trimmingCharacters(in: .whitespaces), token) else { throw APIProblem.unauthorized }
        return try await next(request, context)
    }
}

extension Duration {
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
