import VantageCore

/// Reads the machine's temperature sensors from sysfs (or a folder laid out like it, for tests):
/// `class/hwmon/hwmon*/temp*_input` (millidegrees, labelled by the device's `name` and the
/// sensor's `temp*_label`) and `class/thermal/thermal_zone*/temp` (labelled by its `type`). A
/// thermal zone whose type is already the name of a hwmon device is the same sensor and is left
/// out. Sensors that are absent or read badly are simply not in the answer; nothing throws.
///
/// The folders are listed on the first read and again every `relistEvery` reads (sensors come
/// and go only with hardware); each read opens only the value files.
///
/// Not thread-safe (it reuses one buffer): one reader belongs to one actor.
public final class TemperatureReader {
    public let root: String
    public var relistEvery = 60
    private let files = ProcFileReader(capacity: 256)
    private var sensors: [Sensor] = []
    private var readsSinceListing: Int?

    struct Sensor: Equatable {
        var label: String
        var valuePath: String
    }

    public init(root: String = "/sys") {
        self.root = root
    }

    /// Every sensor that reads a plausible temperature now, in the order listed (hwmon devices by
    /// number, their sensors by number, then the thermal zones).
    public func read() -> [Temperature] {
        if readsSinceListing.map({ $0 >= relistEvery }) ?? true {
            sensors = list()
            readsSinceListing = 0
        }
        readsSinceListing? += 1
        return sensors.compactMap { sensor in
            (files.withContents(of: sensor.valuePath, SensorParsers.milliCelsius) ?? nil)
                .map { Temperature(label: sensor.label, celsius: $0) }
        }
    }

    func list() -> [Sensor] {
        var found: [Sensor] = []
        var hwmonNames = Set<String>()
        let hwmon = root + "/class/hwmon"
        for device in numbered(files.directoryEntries(hwmon), prefix: "hwmon") {
            let dir = hwmon + "/" + device
            let name = readLabel(dir + "/name") ?? device
            hwmonNames.insert(name)
            let inputs = files.directoryEntries(dir) { $0.hasPrefix("temp") && $0.hasSuffix("_input") }
            for input in numbered(inputs, prefix: "temp") {
                let stem = String(input.dropLast("_input".count))
                let own = readLabel(dir + "/" + stem + "_label")
                found.append(Sensor(label: own.map { name + " " + $0 } ?? (inputs.count > 1 ? name + " " + stem : name),
                                    valuePath: dir + "/" + input))
            }
        }
        let thermal = root + "/class/thermal"
        for zone in numbered(files.directoryEntries(thermal), prefix: "thermal_zone") {
            let dir = thermal + "/" + zone
            let type = readLabel(dir + "/type") ?? zone
            guard !hwmonNames.contains(type) else { continue }
            found.append(Sensor(label: type, valuePath: dir + "/temp"))
        }
        return found
    }

    private func readLabel(_ path: String) -> String? {
        files.withContents(of: path, SensorParsers.label) ?? nil
    }

    /// The names that start with `prefix` followed by a number, by that number (hwmon2 before hwmon10).
    private func numbered(_ names: [String], prefix: String) -> [String] {
        names.compactMap { name -> (Int, String)? in
            guard name.hasPrefix(prefix) else { return nil }
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber && $0.isASCII }
            guard !digits.isEmpty, digits.count < 10, let n = Int(digits) else { return nil }
            return (n, name)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1)
    }
}
