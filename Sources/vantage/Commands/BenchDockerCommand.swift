import ArgumentParser
import Foundation
import VantageCore
import VantageDocker
import VantageProbes

/// `vantage bench docker`: runs the Docker watcher alone (no screen) for a while and prints its
/// own CPU, so scripts/bench/docker-polling.sh can compare what it costs the engine with what a
/// `docker stats --no-stream` loop costs.
struct BenchDockerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docker",
        abstract: "Poll the Docker engines like the dashboard does, and print Vantage's own CPU.")

    @Option(help: "Seconds to poll.") var seconds: Double = 30
    @Option(help: "Seconds between refreshes.") var refresh: Double = 1

    func run() async throws {
        let engines = DockerEndpoint.discover().endpoints
        guard !engines.isEmpty else {
            throw CommandLineFailure(message: "no Docker engine: set DOCKER_HOST", status: 2)
        }
        let bus = Bus()
        let events = bus.events(capacity: 1 << 16)
        let counter = Task { () -> (Int, Int) in
            var samples = 0, containers = 0
            for await e in events {
                if case .projectsSampled(let s) = e { samples += 1; containers = max(containers, s.count) }
            }
            return (samples, containers)
        }
        var options = DockerWatcher.Options()
        options.interval = .milliseconds(Int(refresh * 1000))
        let watcher = DockerWatcher(bus: bus, clock: bus.clock, endpoints: engines, options: options)
        let before = ProcReader.processCPUSeconds()
        let start = ContinuousClock.now
        let task = Task { await watcher.run() }
        try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        task.cancel()
        let wall = ContinuousClock.now - start
        let cpu = ProcReader.processCPUSeconds() - before
        bus.close()
        let (samples, containers) = await counter.value
        let wallSeconds = wall.seconds
        print("containers watched: \(containers)")
        print("refreshes: \(samples)")
        print(String(format: "vantage CPU while polling: %.2f %% of a core", cpu / wallSeconds * 100))
    }
}
