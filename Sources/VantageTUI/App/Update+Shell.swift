import VantageCore

/// `!`: a shell in the selected project (its folder and environment, or its container), run by
/// the runtime with the screen suspended; the footer says how it ended.
extension Update {
    static func openShell(state s: inout AppState) -> Outcome {
        guard let id = s.selectedProject, let project = s.project(id) else {
            return .refused(s.projects.isEmpty ? "no projects yet" : "no project selected")
        }
        if let host = project.host {
            return .refused("\(project.name) runs on \(host): a shell here would run on this machine, not there "
                            + "(ssh \(host), then cd \(project.path))")
        }
        var container: String?
        if project.engine != nil {
            guard s.runState(id).isUp else {
                return .refused("container \(project.name) is \(s.runState(id).rawValue): docker exec needs it running")
            }
            container = project.name
        } else if project.kinds.contains(.compose) {
            return .refused("\(project.name) is a compose project: select one of its containers (listed under the engine) "
                            + "for a shell inside it")
        }
        s.shellRequest = ShellRequest(project: project, environment: s.environments[id]?.current,
                                      ports: s.portsInUse[id] ?? [], container: container)
        s.notice = Notice(container == nil ? "opening a shell in \(project.path)" : "opening a shell in container \(project.name)",
                          role: .muted)
        return .done([])
    }
}
