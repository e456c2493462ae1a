// A tiny HTTP responder on plain sockets (no Foundation, no packages). Port from $PORT or .env.
#if canImport(Glibc)
import Glibc
let streamType = Int32(SOCK_STREAM.rawValue)
#else
import Darwin
let streamType = SOCK_STREAM
#endif

func portFromDotEnv() -> UInt16? {
    guard let file = fopen(".env", "r") else { return nil }
    defer { fclose(file) }
    var buffer = [CChar](repeating: 0, count: 256)
    while fgets(&buffer, Int32(buffer.count), file) != nil {
        let line = String(cString: buffer)
        if line.hasPrefix("PORT=") {
            return UInt16(line.dropFirst(5).filter { $0.isNumber })
        }
    }
    return nil
}

let port = getenv("PORT").flatMap { UInt16(String(cString: $0)) } ?? portFromDotEnv() ?? 4104
setvbuf(stdout, nil, _IOLBF, 0)

let server = socket(AF_INET, streamType, 0)
var yes: Int32 = 1
setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
var address = sockaddr_in()
address.sin_family = sa_family_t(AF_INET)
address.sin_port = port.bigEndian
address.sin_addr.s_addr = inet_addr("127.0.0.1")
let bound = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
}
guard bound == 0, listen(server, 16) == 0 else {
    print("swift-tool: cannot listen on port \(port): \(String(cString: strerror(errno)))")
    exit(1)
}
print("swift-tool listening on http://127.0.0.1:\(port)")

while true {
    let client = accept(server, nil, nil)
    if client < 0 { continue }
    var request = [UInt8](repeating: 0, count: 2048)
    let n = read(client, &request, request.count)
    let firstLine = String(decoding: request.prefix(max(0, n)).prefix { $0 != 13 && $0 != 10 }, as: UTF8.self)
    print(firstLine)
    let body = "{\"service\":\"swift-tool\"}\n"
    let response = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: \(body.utf8.count)\r\nconnection: close\r\n\r\n\(body)"
    _ = response.withCString { write(client, $0, strlen($0)) }
    close(client)
}
