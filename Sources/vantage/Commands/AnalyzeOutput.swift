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
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Pretty, key-sorted JSON followed by a newline.
    static func json<T: Encodable>(_ value: T) throws -> String {
        try JSONOutput.text(value) + "\n"
    }
}

/// Prints a `VantageError` for a person on standard error and gives the exit code to throw.
func reportFailure(_ error: VantageError) -> ExitCode {
    FileHandle.standardError.write(Data("vantage: \(error.description)\n".utf8))
    return ExitCode(1)
}
