import Foundation
import Testing
import VantageCore
@testable import VantageFormats

@Suite struct ComposeFileTests {
    static let stack = """
        name: Shop
        services:
          web:
            build: .
            ports:
              - "8080:80"
              - 127.0.0.1:8443:443/tcp
              - "9000-9001:9000-9001"
              - "6060"   # container port only: no host port
            depends_on: [db]
          api:
            image: acme/api:1
            command: python -m api --port 7000
            environment:
              ports: "not these"
              DEBUG: 1
            ports: ["${API_PORT:-7070}:7000"]
            mem_limit: 256m
            cpus: 0.5
            depends_on:
              db:
                condition: service_healthy
          db:
            image: postgres
            environment: [POSTGRES_PASSWORD=secret, EMPTY]
            command: ["postgres", "-c", "fsync=off"]
            ports:
              - target: 5432
                published: "15432"
                protocol: tcp
            network_mode: none
        volumes:
          data: {}
        """

    @Test func servicesPortsAndWhatDockerStarts() throws {
        let file = ComposeFile.parse(Self.stack, path: "/ws/shop/compose.yaml", environment: [:])
        #expect(file.problems.isEmpty, "\(file.problems)")
        #expect(file.projectName == "Shop")
        #expect(file.services.map(\.name) == ["web", "api", "db"])
        let web = file.services[0], api = file.services[1], db = file.services[2]
        #expect(web.line == 3)
        #expect(web.publishedPorts == [8080, 8443, 9000, 9001])
        #expect(api.publishedPorts == [7070], "the default of an unset variable")
        #expect(db.publishedPorts == [15432], "the long syntax's published port")
        #expect(api.command == ["sh", "-c", "python -m api --port 7000"])
        #expect(db.command == ["postgres", "-c", "fsync=off"])
        #expect(api.environment == ["ports": "not these", "DEBUG": "1"])
        #expect(db.environment == ["POSTGRES_PASSWORD": "secret", "EMPTY": ""])
        #expect(api.memLimit == 256 << 20)
        #expect(api.cpus == 0.5)
        #expect(db.networkMode == "none")
        #expect(web.dependsOn == ["db"])
        #expect(api.dependsOn == ["db"])
        #expect(file.startOrder.map(\.name) == ["db", "web", "api"])
    }

    @Test func variablesComeFromTheEnvironmentGiven() throws {
        let file = ComposeFile.parse(Self.stack, path: "/ws/shop/compose.yaml", environment: ["API_PORT": "9191"])
        try #require(file.services.count > 1)
        #expect(file.services[1].publishedPorts == [9191])
    }

    @Test func theProjectNameDefaultsToTheFolder() {
        let file = ComposeFile.parse("services:\n  a:\n    image: x\n", path: "/ws/My Stack_1/compose.yaml")
        #expect(file.projectName == "mystack_1")
    }

    @Test func aBadPortIsLocatedAndTheOthersAreKept() {
        let file = ComposeFile.parse("services:\n  web:\n    image: nginx\n    ports:\n      - \"1:2:3:4\"\n      - \"8081:80\"\n", path: "/p/compose.yaml")
        #expect(file.services.first?.publishedPorts == [8081])
        #expect(file.problems.map(\.description) == [
            "/p/compose.yaml:5: field 'services.web.ports': cannot read the port \"1:2:3:4\": too many ':' (write it as \"HOST:CONTAINER\", e.g. \"8080:80\")",
        ])
    }

    @Test func invalidYAMLNamesItsLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("compose.yaml", "services:\n  web:\n    image: [unclosed\n")
        #expect { _ = try ComposeFile.load(path: path) } throws: { error in
            guard let e = error as? VantageError else { return false }
            return e.location?.file == path && e.location?.line == 4 && e.message.hasPrefix("not valid YAML")
        }
    }

    @Test func structuralProblems() {
        #expect(ComposeFile.parse("", path: "c.yaml").problems.map(\.message) == ["the compose file is empty"])
        #expect(ComposeFile.parse("- a\n", path: "c.yaml").problems.map(\.message) == ["expected a mapping with 'services:'"])
        #expect(ComposeFile.parse("volumes: {}\n", path: "c.yaml").problems.map(\.message) == ["no 'services:' section"])
        let ports = ComposeFile.parse("services:\n  a:\n    ports: 80\n", path: "c.yaml")
        #expect(ports.problems.map(\.location) == [SourceLocation(file: "c.yaml", line: 3, field: "services.a.ports")])
        let mem = ComposeFile.parse("services:\n  a:\n    mem_limit: 1e30g\n    cpus: inf\n", path: "c.yaml")
        #expect(mem.problems.map(\.location?.field) == ["services.a.mem_limit", "services.a.cpus"])
        #expect(mem.services.first?.memLimit == nil)
    }

    @Test func loadReadsTheEnvFileBesideItAndRefusesAnyProblem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(".env", "WEB_PORT=8181\n")
        let good = try folder.write("compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"${WEB_PORT}:80\"]\n")
        #expect(try ComposeFile.load(path: good).services.first?.publishedPorts == [8181])
        let bad = try folder.write("docker-compose.yml", "services:\n  web:\n    ports: [\"99999:80\"]\n")
        #expect { _ = try ComposeFile.load(path: bad) } throws: { ($0 as? VantageError)?.location?.line == 3 }
    }

    @Test func hostPortForms() {
        #expect(ComposePorts.hostPorts("\"8080:80\"", env: [:]) == .ports([8080]))
        #expect(ComposePorts.hostPorts("[::1]:8080:80/udp", env: [:]) == .ports([8080]))
        #expect(ComposePorts.hostPorts("127.0.0.1::80", env: [:]) == .none)
        #expect(ComposePorts.hostPorts("80", env: [:]) == .none)
        #expect(ComposePorts.hostPorts("${WEB}:80", env: ["WEB": "9090"]) == .ports([9090]))
        #expect(ComposePorts.hostPorts("${WEB}:80", env: [:]) == .none)
        #expect(ComposePorts.hostPorts("${WEB:-}:80", env: [:]) == .invalid("'' is not a port or a port range"))
        #expect(ComposePorts.hostPorts("99999:80", env: [:]) == .invalid("'99999' is not a port or a port range"))
        #expect(ComposePorts.hostPorts("1-5000:1-5000", env: [:]) == .invalid("the range 1-5000 is too wide"))
        #expect(ComposePorts.interpolate("$$HOME-${A}", env: ["A": "x"]) == "$HOME-x")
    }

    @Test func aLongDependsOnChainIsOrderedWithoutRecursion() {
        var yaml = "services:\n"
        for i in 0..<5_000 { yaml += "  s\(i):\n    image: x\n" + (i > 0 ? "    depends_on: [s\(i - 1)]\n" : "") }
        let file = ComposeFile.parse(yaml, path: "c.yaml")
        #expect(file.problems.isEmpty)
        #expect(file.startOrder.map(\.name) == (0..<5_000).map { "s\($0)" })
        // A cycle terminates and lists each service once.
        let cycle = ComposeFile.parse("services:\n  a:\n    depends_on: [b]\n  b:\n    depends_on: [a]\n", path: "c.yaml")
        #expect(Set(cycle.startOrder.map(\.name)) == ["a", "b"])
        #expect(cycle.startOrder.count == 2)
    }
}
