import ArgumentParser
import Foundation
import VantageCore

/// Buffered writing to standard output, for analyze commands that print many rows.
struct StandardOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        writeStandardOutput(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Pretty, key-sorted JSON followed by a newline.
    static func json<T: Encodable>(_ value: T) throws -> String {
        try JSONOutput.text(value) + "\n"
    }
}

/// Prints a `VantageError` for a person on standard error and gives the exit code to throw.
func reportFailure(_ error: VantageError) -> ExitCode {
    writeStandardError("vantage: \(error.description)\n")
    return ExitCode(1)
}
