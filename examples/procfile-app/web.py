"""The Procfile's web process: a stdlib HTTP server on --port (the Procfile passes $PORT)."""
import argparse
import os
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"procfile-app web\n"
        self.send_response(200)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        print(f"{datetime.now(timezone.utc).isoformat()} web {self.command} {self.path}", flush=True)


parser = argparse.ArgumentParser()
parser.add_argument("--port", default=os.environ.get("PORT") or "4106")
args = parser.parse_args()
port = int(args.port) if args.port.isdigit() else 4106
print(f"procfile-app web listening on http://127.0.0.1:{port}", flush=True)
HTTPServer(("127.0.0.1", port), Handler).serve_forever()
