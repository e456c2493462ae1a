//! A tiny HTTP responder on std::net only. Port from $PORT or .env.
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

fn port() -> u16 {
    if let Some(p) = std::env::var("PORT").ok().and_then(|p| p.parse().ok()) {
        return p;
    }
    std::fs::read_to_string(".env")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("PORT=").and_then(|p| p.trim().parse().ok()))
        })
        .unwrap_or(4105)
}

fn main() -> std::io::Result<()> {
    let port = port();
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    println!("rust-cli listening on http://127.0.0.1:{port}");
    for stream in listener.incoming() {
        let mut stream = stream?;
        let mut request_line = String::new();
        BufReader::new(&stream).read_line(&mut request_line)?;
        println!("{}", request_line.trim_end());
        let body = "{\"service\":\"rust-cli\"}\n";
        write!(
            stream,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{}",
            body.len(),
            body
        )?;
    }
    Ok(())
}
