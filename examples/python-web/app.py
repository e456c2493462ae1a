"""A tiny web page on the standard library's http.server. Port from $PORT or .env."""
import os
import sys
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer


def port_from_dotenv():
    try:
        with open(".env", encoding="utf-8") as f:
            for line in f:
                if line.startswith("PORT="):
                    return int(line[5:].strip())
    except (OSError, ValueError):
        pass
    return None


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<h1>python-web</h1>\n"
        self.send_response(200)
        self.send_header("content-type", "text/html")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        print(f"{datetime.now(timezone.utc).isoformat()} {self.command} {self.path}", flush=True)


if __name__ == "__main__":
    port = int(os.environ.get("PORT") or port_from_dotenv() or 4102)
    server = HTTPServer(("127.0.0.1", port), Handler)
    print(f"python-web listening on http://127.0.0.1:{port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)
