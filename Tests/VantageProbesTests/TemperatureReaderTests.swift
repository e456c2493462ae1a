import Foundation
import Testing
@testable import VantageProbes
import VantageCore

/// The temperature reader on a sysfs-like fixture tree (this machine may have no sensors), and its
/// parsers on bad and random bytes.
@Suite struct TemperatureReaderTests {
    static let fixtureSys = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sys").path

    @Test func readsHwmonAndThermalZonesWithTheirLabelsAndSkipsBadValues() {
        let temps = TemperatureReader(root: Self.fixtureSys).read()
        // hwmon0: two good sensors (labelled), then a non-numeric, a 23-digit and a 255 °C reading,
        // all left out; hwmon1: one unlabelled sensor named by its device; hwmon2: an empty file;
        // hwmon10 after hwmon2 (by number); thermal_zone0 repeats hwmon10 (acpitz) and is left out.
        #expect(temps == [
            Temperature(label: "coretemp Package id 0", celsius: 54),
            Temperature(label: "coretemp Core 0", celsius: 61.5),
            Temperature(label: "nvme", celsius: 41.85),
            Temperature(label: "acpitz", celsius: 30),
            Temperature(label: "x86_pkg_temp", celsius: 55),
            Temperature(label: "INT3400 Thermal", celsius: -5),
        ])
    }

    @Test func aMissingTreeHasNoSensors() {
        #expect(TemperatureReader(root: "/nonexistent-vantage-sys").read().isEmpty)
    }

    @Test func sensorsAreListedAgainAfterRelistEveryReads() throws {
        let folder = try TemporaryFolder("vantage-sys")
        defer { folder.remove() }
        let dir = folder.path + "/class/thermal/thermal_zone0"
        let reader = TemperatureReader(root: folder.path)
        reader.relistEvery = 2
        #expect(reader.read().isEmpty)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "cpu-thermal\n".write(toFile: dir + "/type", atomically: false, encoding: .utf8)
        try "47250\n".write(toFile: dir + "/temp", atomically: false, encoding: .utf8)
        #expect(reader.read().isEmpty)                  // the list of the first read still stands
        #expect(reader.read() == [Temperature(label: "cpu-thermal", celsius: 47.25)])
        try "48000\n".write(toFile: dir + "/temp", atomically: false, encoding: .utf8)
        #expect(reader.read() == [Temperature(label: "cpu-thermal", celsius: 48)])    // values every read
    }

    private func milli(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { SensorParsers.milliCelsius($0) }
    }

    private func label(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { SensorParsers.label($0) }
    }

    @Test func valueParserTakesOneIntegerInRange() {
        #expect(milli("54000\n") == 54)
        #expect(milli("  -12500 \n") == -12.5)
        #expect(milli("150000") == 150)
        #expect(milli("150001") == nil)                 // beyond any real reading: an error code
        #expect(milli("-40001") == nil)
        #expect(milli("") == nil)
        #expect(milli("\n") == nil)
        #expect(milli("-") == nil)
        #expect(milli("54000 55000") == nil)            // two numbers: not a sensor file
        #expect(milli("54.5") == nil)
        #expect(milli("0x10") == nil)
        #expect(milli(String(repeating: "9", count: 40)) == nil)
        #expect(milli("000000054000") == nil)            // more digits than a reading has
    }

    @Test func labelParserKeepsTheFirstPrintableLineBounded() {
        #expect(label(Array("Package id 0\nsecond line\n".utf8)) == "Package id 0")
        #expect(label(Array("  core\u{7}temp \t\n".utf8)) == "coretemp")
        #expect(label(Array("\n".utf8)) == nil)
        #expect(label([0xff, 0xfe, 0x0a]) == "\u{FFFD}\u{FFFD}")      // bad UTF-8 is shown, not trapped on
        #expect(label(Array(String(repeating: "x", count: 500).utf8))?.count == SensorParsers.maxLabelLength)
    }

    /// Random bytes (a failure prints the bytes that caused it): the parsers never trap, a value
    /// is always plausible, a label never holds a control character or exceeds its bound.
    @Test func parsersSurviveRandomBytes() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789-+ \t\n.xe\u{0}".utf8)
        for round in 0..<20_000 {
            let count = Int(rng.next() % 24)
            let bytes = (0..<count).map { _ -> UInt8 in
                round.isMultiple(of: 2) ? alphabet[Int(rng.next() % UInt64(alphabet.count))] : UInt8(truncatingIfNeeded: rng.next())
            }
            if let v = bytes.withUnsafeBufferPointer({ SensorParsers.milliCelsius($0) }) {
                #expect(Temperature.plausible.contains(v), "\(bytes) gave \(v)")
            }
            if let l = label(bytes) {
                #expect(l.count <= SensorParsers.maxLabelLength && !l.isEmpty)
                #expect(!l.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(bytes)")
            }
        }
    }
}
