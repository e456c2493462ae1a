import Foundation
import Synchronization

/// The values PEP 508 markers are evaluated against: those of the project's own interpreter when
/// it has a virtualenv (`.venv`, `venv`, `env`), asked once with `python -c`, else this machine's
/// (uname and the system `python3`). `extra` is empty: a project's own requirements are not installed
/// through an extra.
public struct MarkerEnvironment: Sendable, Hashable, Codable {
    public var values: [String: String]
    /// Where the values came from ("/ws/api/.venv/bin/python", "system python3 3.11.7", "uname (no python3 found)").
    public var origin: String

    public init(values: [String: String], origin: String) {
        self.values = values
        self.origin = origin
    }

    /// The value of a PEP 508 variable ("" when unknown, as for `extra`).
    public func value(of variable: String) -> String { values[variable] ?? "" }

    /// What `packaging.markers.default_environment()` prints, one `key=value` a line.
    static let probe = """
        import os, platform, sys
        i = sys.implementation.version
        iv = "%d.%d.%d" % (i.major, i.minor, i.micro) + ("" if i.releaselevel == "final" else i.releaselevel[0] + str(i.serial))
        v = {"implementation_name": sys.implementation.name, "implementation_version": iv, "os_name": os.name,
             "platform_machine": platform.machine(), "platform_release": platform.release(), "platform_system": platform.system(),
             "platform_version": platform.version(), "python_full_version": platform.python_version(),
             "platform_python_implementation": platform.python_implementation(),
             "python_version": ".".join(platform.python_version_tuple()[:2]), "sys_platform": sys.platform}
        for k in sorted(v): print(k + "=" + v[k].replace("\\n", " "))
        """

    /// Asks an interpreter for its values; nil when it cannot run.
    public static func ask(interpreter: String) -> MarkerEnvironment? {
        let r = ToolRunner.run([interpreter, "-c", probe], in: "/", timeout: 20)
        guard r.status == 0 else { return nil }
        var values: [String: String] = [:]
        for line in r.output.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            values[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        guard values["python_version"] != nil else { return nil }
        return MarkerEnvironment(values: values, origin: interpreter)
    }

    /// This machine without asking Python: uname for the platform, posix/linux/CPython defaults,
    /// and no Python version (markers on it then evaluate against "").
    public static func uname() -> MarkerEnvironment {
        var u = utsname()
        Foundation.uname(&u)
        func field<T>(_ t: T) -> String {
            withUnsafeBytes(of: t) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let system = field(u.sysname)
        return MarkerEnvironment(values: [
            "os_name": "posix", "sys_platform": system.lowercased(), "platform_system": system,
            "platform_machine": field(u.machine), "platform_release": field(u.release), "platform_version": field(u.version),
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
        ], origin: "uname (no python3 found)")
    }

    private static let cache = Mutex<[String: MarkerEnvironment]>([:])

    /// The machine's default: the system `python3` asked once per process, else `uname()`.
    public static func machine() -> MarkerEnvironment {
        if let hit = cache.withLock({ $0["<machine>"] }) { return hit }
        var env = ToolRunner.which("python3").flatMap { ask(interpreter: $0) } ?? uname()
        if env.origin != "uname (no python3 found)" { env.origin = "system python3 \(env.value(of: "python_full_version"))" }
        cache.withLock { $0["<machine>"] = env }
        return env
    }

    /// The interpreter of a virtualenv in `folder`, if there is one.
    public static func venvInterpreter(in folder: String) -> String? {
        for venv in [".venv", "venv", "env"] {
            for python in ["python", "python3"] {
                let p = "\(folder)/\(venv)/bin/\(python)"
                if FileManager.default.isExecutableFile(atPath: p) { return p }
            }
        }
        return nil
    }

    /// The environment of the project in `folder`: its virtualenv's interpreter (asked once per
    /// process), else the machine's.
    public static func forProject(in folder: String) -> MarkerEnvironment {
        guard let python = venvInterpreter(in: folder) else { return machine() }
        if let hit = cache.withLock({ $0[python] }) { return hit }
        let env = ask(interpreter: python) ?? machine()
        cache.withLock { $0[python] = env }
        return env
    }
}
