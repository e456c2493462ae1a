/// Decodes the Docker log stream. Without a TTY the engine multiplexes stdout and stderr in
/// frames: 1 byte stream, 3 zero bytes, a 4-byte big-endian length, then the payload. With a TTY
/// the stream is raw stdout. Payloads are split into lines; a partial line waits for the next chunk.
struct LogStreamDecoder {
    let tty: Bool
    private var buffer: [UInt8] = []
    private var partial: [ContainerLogFrame.Stream: [UInt8]] = [:]

    init(tty: Bool) { self.tty = tty }

    mutating func feed(_ bytes: [UInt8]) -> [ContainerLogFrame] {
        if tty { return lines(bytes, stream: .stdout) }
        buffer += bytes
        var out: [ContainerLogFrame] = []
        var offset = 0
        while buffer.count - offset >= 8 {
            let header = buffer[offset..<offset + 8]
            let size = Int(header[header.startIndex + 4]) << 24 | Int(header[header.startIndex + 5]) << 16
                | Int(header[header.startIndex + 6]) << 8 | Int(header[header.startIndex + 7])
            guard buffer.count - offset - 8 >= size else { break }
            let stream = ContainerLogFrame.Stream(rawValue: header[header.startIndex]) ?? .stdout
            out += lines(Array(buffer[offset + 8..<offset + 8 + size]), stream: stream)
            offset += 8 + size
        }
        buffer.removeFirst(offset)
        return out
    }

    mutating func finish() -> [ContainerLogFrame] {
        var out: [ContainerLogFrame] = []
        for (stream, rest) in partial.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where !rest.isEmpty {
            out.append(ContainerLogFrame(stream: stream, text: String(decoding: rest, as: UTF8.self)))
        }
        partial = [:]
        return out
    }

    private mutating func lines(_ bytes: [UInt8], stream: ContainerLogFrame.Stream) -> [ContainerLogFrame] {
        var pending = partial[stream, default: []] + bytes
        var out: [ContainerLogFrame] = []
        while let nl = pending.firstIndex(of: 0x0A) {
            var line = pending[..<nl]
            if line.last == 0x0D { line = line.dropLast() }
            out.append(ContainerLogFrame(stream: stream, text: String(decoding: line, as: UTF8.self)))
            pending.removeSubrange(...nl)
        }
        partial[stream] = pending
        return out
    }
}
