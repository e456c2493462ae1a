import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// A console attached to another host (`--connect`) gets that host's folder projects as the
/// discovery `@HOST:folders`; this machine's own scan, whenever it comes, replaces only this
/// machine's folder projects (a local daemon's scan arriving after the remote host's snapshot
/// used to empty the other host's rows).
@Suite struct HostProjectsFoldTests {
    @Test func aLocalScanKeepsAnotherHostsProjects() throws {
        var s = AppState(now: Date(timeIntervalSince1970: 0))
        var far = Project(name: "web", path: "/srv/web", kinds: [.command])
        far.host = "far"
        _ = Update.apply(.event(.discovered(source: "@far:folders", projects: [far])), to: &s)
        _ = Update.apply(.event(.scanned(roots: ["/home/me/src"], projects: [Project(name: "web", path: "/home/me/src/web", kinds: [.command])])), to: &s)
        #expect(s.projects.map(\.id) == [ProjectID("/home/me/src/web"), ProjectID("@far:/srv/web")])
        // A second local scan still replaces the local projects.
        _ = Update.apply(.event(.scanned(roots: ["/home/me/src"], projects: [])), to: &s)
        #expect(s.projects.map(\.id) == [ProjectID("@far:/srv/web")])
    }
}
