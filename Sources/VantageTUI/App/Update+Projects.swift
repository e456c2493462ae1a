import VantageCore

/// Keys on the selected project (grid and details): start, stop, restart, pause, kill, remove,
/// environment, logs, dependencies. Each either sends a command, asks first, or says why not.
extension Update {
    static func projectAction(_ a: Action, state s: inout AppState) -> Outcome {
        guard let id = s.selectedProject, let project = s.project(id) else {
            return .refused(s.projects.isEmpty ? "no projects yet" : "no project selected")
        }
        let state = s.runState(id)
        let name = project.name
        switch a {
        case .start:
            if state.isUp { return .refused("\(name) is already \(state.rawValue)") }
            return .done([.launch(id)])
        case .restart: return .done([.restart(id)])
        case .stop:
            if !state.isUp { return .refused("\(name) is \(state.rawValue): nothing to stop") }
            s.overlay = .confirm(.stop(id))
        case .pause:
            if !state.isUp { return .refused("\(name) is \(state.rawValue): nothing to pause") }
            return .done([state == .paused ? .resume(id) : .pause(id)])
        case .kill:
            if !state.isUp { return .refused("\(name) is \(state.rawValue): no process to kill") }
            s.overlay = .confirm(.kill(id))
        case .remove:
            // Only containers can be removed; a supervised project is stopped instead.
            guard project.engine != nil else {
                return .refused("\(project.name) is a folder project, not a container: \(s.keymap.key(for: .stop) ?? "stop") stops it")
            }
            s.overlay = .confirm(.remove(id))
        case .switchEnvironment:
            guard project.engine == nil else { return .refused("\(project.name) is a container; environments are for folder projects") }
            if let envs = s.environments[id], envs.available.count <= 1 {
                return .refused("\(name) has only the \(envs.current) environment; add a .env.NAME file or an [env.NAME] "
                                + "section to .vantage.toml for another")
            }
            s.overlay = .environmentInput(id, text: "")
        case .logs: s.overlay = .logs(LogViewer(project: id))
        case .dependencies:
            guard project.engine == nil else { return .refused("\(project.name) is a container; dependencies are read from folder projects") }
            s.overlay = .dependencies(id, scroll: 0)
        default: return .refused("not an action on a project")
        }
        return .done([])
    }

    /// Enter in the environment prompt: switch (which restarts the project) or say nothing was typed.
    static func submitEnvironment(_ text: String, project id: ProjectID, state s: inout AppState) -> [Command] {
        s.overlay = nil
        guard !text.isEmpty else {
            s.notice = Notice("no environment typed; the project keeps its environment")
            return []
        }
        if let envs = s.environments[id] {
            let name = s.project(id)?.name ?? id.rawValue
            guard envs.available.contains(text) else {
                s.notice = Notice("\(name) has no environment \"\(text)\": it has \(envs.names)")
                return []
            }
            if text == envs.current {
                s.notice = Notice("\(name) already uses \(text)")
                return []
            }
        }
        return [.useEnvironment(id, text)]
    }

    /// The question for a stop, kill or remove: "Kill api (SIGKILL, no clean shutdown)?".
    static func question(_ command: Command, state: AppState) -> String {
        let name = command.project.map { state.project($0)?.name ?? $0.rawValue } ?? "?"
        switch command {
        case .kill: return "Kill \(name) (SIGKILL, no clean shutdown)?"
        case .remove: return "Remove container \(name)?"
        case .runScheduledJob(let job): return runJobQuestion(job, state: state)
        default: return "\(verb(command).prefix(1).uppercased() + verb(command).dropFirst()) \(name)?"
        }
    }

    /// The word for what the yes key does in a question.
    static func verb(_ command: Command) -> String {
        switch command {
        case .kill: return "kill"
        case .remove: return "remove"
        case .runScheduledJob: return "run it"
        default: return "stop"
        }
    }

    /// The word for what the yes key does in the open question ("stop", "apply").
    static func questionVerb(_ s: AppState) -> String {
        switch s.overlay {
        case .confirm(let command): return verb(command)
        case .confirmFix: return "apply"
        default: return "yes"
        }
    }

    /// "answer y to stop, n or Esc to cancel", with the active keys.
    static func answerHint(_ s: AppState) -> String {
        let yes = s.keymap.key(for: .accept) ?? "(unbound)", no = s.keymap.key(for: .reject) ?? "(unbound)"
        let esc = s.keymap.key(for: .back).map { " or \($0)" } ?? ""
        return "answer \(yes) to \(questionVerb(s)), \(no)\(esc) to cancel"
    }
}
