// A tiny JSON API: GET / answers with the service name and uptime. Port from $PORT or .env.
const http = require("http");
const fs = require("fs");

function portFromDotEnv() {
  try {
    const line = fs.readFileSync(".env", "utf8").split("\n").find((l) => l.startsWith("PORT="));
    return line ? Number(line.slice(5).trim()) : undefined;
  } catch {
    return undefined;
  }
}

const port = Number(process.env.PORT) || portFromDotEnv() || 4101;
const started = Date.now();

http
  .createServer((req, res) => {
    console.log(`${new Date().toISOString()} ${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ service: "node-api", uptimeMs: Date.now() - started }) + "\n");
  })
  .listen(port, () => console.log(`node-api listening on http://127.0.0.1:${port}`));
