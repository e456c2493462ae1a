import Foundation
import VantageOrchestrator

/// One line on the control socket, as the daemon reads it: decoded as a `ControlRequest` and
/// checked by `validate()`; and as the CLI reads the daemon's answer (`ControlResponse`).
let controlFuzzTarget = FuzzTarget(name: "control", seeds: ["Fuzz/Seeds/control"]) { input in
    let line = input.data
    if let request = try? JSONDecoder().decode(ControlRequest.self, from: line) {
        try? request.validate()
    }
    _ = try? JSONDecoder().decode(ControlResponse.self, from: line)
}
