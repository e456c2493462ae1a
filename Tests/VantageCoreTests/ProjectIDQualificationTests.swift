import Foundation
import Testing
@testable import VantageCore

/// A console attached to several hosts qualifies each remote host's ids (`@web1:/srv/app`) as it
/// decodes them, and sends them back unqualified: two hosts' projects never share an id, and each
/// daemon sees its own ids.
@Suite struct ProjectIDQualificationTests {
    @Test func idsAndProjectsDecodedFromAHostAreQualifiedAndSentBackUnqualified() throws {
        let event = Event.stateChanged(project: ProjectID("/srv/app"), from: .stopped, to: .ready)
        let data = try JSONEncoder().encode(event)
        let decoder = JSONDecoder()
        decoder.userInfo[ProjectID.hostKey] = "web1"
        let received = try decoder.decode(Event.self, from: data)
        #expect(received == .stateChanged(project: ProjectID("@web1:/srv/app"), from: .stopped, to: .ready))

        let encoder = JSONEncoder()
        encoder.userInfo[ProjectID.hostKey] = "web1"
        let sent = try JSONDecoder().decode(Event.self, from: encoder.encode(received))
        #expect(sent == event, "the remote daemon gets its own id back")

        let project = Project(name: "app", path: "/srv/app", kinds: [.node])
        let remote = try decoder.decode(Project.self, from: JSONEncoder().encode(project))
        #expect(remote.host == "web1")
        #expect(remote.id == ProjectID("@web1:/srv/app"))
        #expect(remote.path == "/srv/app", "the path stays the remote host's")
        #expect(remote.id.host == "web1" && remote.id.unqualified == project.id)
        #expect(project.id.host == nil && project.id.unqualified == project.id)
    }

    /// A host's schedule and the job a console runs from it follow the same rule: decoded from
    /// web1's connection they name web1, sent back they carry only the id; and a command goes only
    /// to the host it belongs to.
    @Test func scheduledJobsAreQualifiedLikeProjects() throws {
        let job = ScheduledJob(id: 3, cron: "0 3 * * *", target: .workspace, action: "analyze", created: Date(timeIntervalSince1970: 0))
        let decoder = JSONDecoder()
        decoder.userInfo[ProjectID.hostKey] = "web1"
        let received = try decoder.decode(Event.self, from: JSONEncoder().encode(Event.schedule(HostSchedule(jobs: [job]))))
        guard case .schedule(let report) = received else { Issue.record("not a schedule: \(received)"); return }
        #expect(report.host == "web1")
        #expect(report.jobs.map(\.reference) == [ScheduledJob.Reference(id: 3, host: "web1")])
        #expect(try JSONDecoder().decode(Event.self, from: JSONEncoder().encode(Event.schedule(HostSchedule(jobs: [job])))) == .schedule(HostSchedule(jobs: [job])),
                "this machine's schedule has no host")

        let run = Command.runScheduledJob(.init(id: 3, host: "web1"))
        let encoder = JSONEncoder()
        encoder.userInfo[ProjectID.hostKey] = "web1"
        #expect(try JSONDecoder().decode(Command.self, from: encoder.encode(run)) == .runScheduledJob(.init(id: 3)),
                "the remote daemon gets its own job id")
        #expect(run.belongs(toHost: "web1") && !run.belongs(toHost: nil) && !run.belongs(toHost: "db"))
        #expect(Command.runScheduledJob(.init(id: 3)).belongs(toHost: nil))
        #expect(Command.stop(ProjectID("@db:/srv/app")).belongs(toHost: "db") && !Command.stop(ProjectID("@db:/srv/app")).belongs(toHost: nil))
        #expect(Command.refresh.belongs(toHost: "db") && Command.refresh.belongs(toHost: nil))
    }

    @Test func withoutAHostNothingChanges() throws {
        let id = ProjectID("/home/me/app")
        let data = try JSONEncoder().encode(id)
        #expect(String(decoding: data, as: UTF8.self) == #"{"rawValue":"\/home\/me\/app"}"#, "the stored form is unchanged")
        #expect(try JSONDecoder().decode(ProjectID.self, from: data) == id)
        let p = Project(name: "a", path: "/a", kinds: [.python], engine: "main", group: "g", configProblem: "x")
        #expect(try JSONDecoder().decode(Project.self, from: JSONEncoder().encode(p)) == p)
    }

    @Test func hostURLsAreCheckedBeforeSshSeesThem() throws {
        #expect(try HostURL.parse("ssh://alice@10.0.0.5:2222/").get().transport == .ssh(user: "alice", host: "10.0.0.5", port: 2222))
        #expect(try HostURL.parse("ssh://box").get().defaultName == "box")
        #expect(try HostURL.parse("unix:///tmp/h/vantage.sock").get().defaultName == "h")
        for bad in ["ssh://", "ssh://@h", "ssh://u@h:0", "ssh://u@h:x", "ssh://h/path", "ssh://u@-h", "ssh://-l@h", "ssh://a b", "tcp://h", "h", "ssh://[::1"] {
            guard case .failure = HostURL.parse(bad) else { Issue.record("\(bad) was accepted"); continue }
        }
    }
}
