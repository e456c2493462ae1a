import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// `vantage attach --stdio`: standard input and output joined to this machine's daemon's control
/// socket, byte for byte, so a console on another host speaks the attach protocol through ssh.
public enum ControlBridge {
    /// Connects (or throws the clear "no daemon runs" error), then copies both ways until either
    /// side ends.
    public static func run(_ paths: VantagePaths, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) throws(VantageError) {
        let client = try ControlClient.connect(paths)
        let socket = client.fd
        UnixSocket.setTimeout(socket, SO_RCVTIMEO, nil)
        UnixSocket.setTimeout(socket, SO_SNDTIMEO, nil)
        let upstream = Thread {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(input, &chunk, chunk.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                guard UnixSocket.writeAll(socket, Data(chunk[0..<n])) else { break }
            }
            // The console hung up: the daemon ends its side, and the loop below sees the end.
            shutdown(socket, Int32(SHUT_WR))
        }
        upstream.name = "vantage-bridge"
        upstream.start()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        copying: while true {
            let n = recv(socket, &chunk, chunk.count, 0)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            var offset = 0
            while offset < n {
                let w = chunk.withUnsafeBytes { write(output, $0.baseAddress! + offset, n - offset) }
                if w < 0 && errno == EINTR { continue }
                if w <= 0 { break copying }
                offset += w
            }
        }
        withExtendedLifetime(client) {}
    }
}
