import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A secret handed to the process in an environment variable (`VANTAGE_PASSPHRASE`), taken out of
/// it for good: the value is copied, the bytes of `NAME=value` are overwritten with zeros where
/// they lie (for a variable the process was started with, that is the memory the kernel shows in
/// `/proc/<pid>/environ`, which `unsetenv` alone leaves untouched), and the variable is unset, so
/// no child inherits it and no process of the same user can read it from /proc.
public enum EnvironmentSecret {
    public static func take(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let value = String(cString: raw)
        // getenv points at the value inside "NAME=value"; the entry starts name + 1 bytes before.
        let entry = raw - (name.utf8.count + 1)
        let length = name.utf8.count + 1 + strlen(raw)
        let matches = name.withCString { strncmp(entry, $0, name.utf8.count) == 0 } && entry[name.utf8.count] == 0x3D
        unsetenv(name)
        if matches { memset(entry, 0, length) }
        return value
    }
}
