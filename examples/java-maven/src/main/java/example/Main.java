package example;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A tiny HTTP responder on the JDK's built-in server. Port from $PORT or .env. */
public final class Main {
    static int port() {
        String env = System.getenv("PORT");
        if (env != null && env.matches("\\d+")) return Integer.parseInt(env);
        try {
            for (String line : Files.readAllLines(Path.of(".env"))) {
                if (line.startsWith("PORT=")) return Integer.parseInt(line.substring(5).trim());
            }
        } catch (IOException | NumberFormatException ignored) {
        }
        return 4109;
    }

    public static void main(String[] args) throws IOException {
        int port = port();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            System.out.println(Instant.now() + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "{\"service\":\"java-maven\"}\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("java-maven listening on http://127.0.0.1:" + port);
    }
}
