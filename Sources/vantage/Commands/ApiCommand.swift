import ArgumentParser
import VantageAPI
import VantageCore

/// `vantage api token [--rotate]`: the bearer token of the daemon's HTTP API.
struct ApiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "The daemon's HTTP API (vantage daemon --listen host:port).",
        subcommands: [Token.self])

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Print the API's bearer token (made when missing), or replace it with --rotate.",
            discussion: "The token lives in $VANTAGE_HOME/api-token (mode 0600). A rotated token takes effect at once: the daemon reads the file for every request.")

        @Flag(help: "Make a new token; the old one stops working at once.")
        var rotate = false

        func run() throws {
            let paths = VantagePaths.fromEnvironment()
            do {
                print(rotate ? try APIToken.rotate(paths) : try APIToken.current(paths))
            } catch {
                throw reportFailure(error)
            }
        }
    }
}
