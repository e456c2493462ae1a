import VantageDependencies

/// PEP 508 environment markers: parsed, then evaluated on Linux with and without `anyExtra`.
let pep508FuzzTarget = FuzzTarget(name: "pep508", seeds: ["Fuzz/Seeds/pep508"]) { input in
    guard let marker = try? PEP508Marker(parsing: input.text) else { return }
    let linux = MarkerEnvironment(values: [
        "python_version": "3.12", "python_full_version": "3.12.1", "os_name": "posix", "sys_platform": "linux",
        "platform_release": "6.8.0", "platform_system": "Linux", "platform_machine": "x86_64",
        "platform_python_implementation": "CPython", "implementation_name": "cpython", "implementation_version": "3.12.1",
        "extra": "",
    ], origin: "fuzz")
    _ = try? marker.evaluate(linux)
    _ = try? marker.evaluate(linux, anyExtra: true)
}
