/// Parser for /proc/net/tcp and /proc/net/tcp6.
enum SocketParsers {
    /// TCP state 0x0A is LISTEN.
    static let listenState: UInt64 = 0x0A

    /// Lines after the header: `sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...`,
    /// with `local_address` as `HEXADDR:HEXPORT`. Adds each listening socket's inode → port.
    static func listening(_ bytes: UnsafeBufferPointer<UInt8>, into result: inout [UInt64: Int]) {
        var s = ByteScanner(bytes)
        s.skipLine()
        while !s.isAtEnd {
            s.skipField()                                   // "0:"
            _ = s.readToken(until: UInt8(ascii: ":"))       // local address
            guard s.current == UInt8(ascii: ":") else { s.skipLine(); continue }
            s.index += 1
            let port = s.readHex()
            s.skipField()                                   // remote address
            s.skipBlanks()
            let state = s.readHex()
            s.skipFields(5)                                 // tx:rx tr:when retrnsmt uid timeout
            let inode = s.readUInt64()
            if state == listenState, let port, let inode, inode != 0 {
                result[inode] = Int(port)
            }
            s.skipLine()
        }
    }
}
