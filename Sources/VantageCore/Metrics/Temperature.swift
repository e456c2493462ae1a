/// One temperature sensor's reading: `label` names it as the machine does ("coretemp Package id 0",
/// "nvme Composite", "acpitz"), `celsius` is the value in degrees Celsius.
public struct Temperature: Codable, Sendable, Equatable {
    public var label: String
    public var celsius: Double

    public init(label: String, celsius: Double) {
        self.label = label
        self.celsius = celsius
    }

    /// Readings outside this range are a sensor's error codes (127, 255, -273), not temperatures.
    public static let plausible: ClosedRange<Double> = -40...150
}
