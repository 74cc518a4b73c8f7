package dev.shuffify.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dashboard served on the JDK's HTTP server ({@code com.sun.net.httpserver}), made by
 * {@link Dashboard.Builder#start(int)}. Close it to stop serving.
 *
 * @since 0.2.0
 */
public final class DashboardServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool;

    private DashboardServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    static DashboardServer start(Dashboard dashboard, InetSocketAddress address, int threads) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "shuffify-dashboard-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", exchange -> serve(dashboard, exchange));
        server.start();
        return new DashboardServer(server, pool);
    }

    private static void serve(Dashboard dashboard, HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            DashboardResponse response = dashboard.handle(new ExchangeRequest(exchange));
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            long length = head || response.body().length == 0 ? -1 : response.body().length;
            exchange.sendResponseHeaders(response.status(), length);
            if (length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    /**
     * The port it listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The address of the page, e.g. {@code http://127.0.0.1:8080/}.
     *
     * @return the address
     */
    public URI uri() {
        String host = server.getAddress().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Stops serving: requests in progress are cut off. */
    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private static final class ExchangeRequest implements DashboardRequest {
        private final HttpExchange exchange;

        ExchangeRequest(HttpExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public String method() {
            return exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public String path() {
            return exchange.getRequestURI().getRawPath();
        }

        @Override
        public String query() {
            return exchange.getRequestURI().getRawQuery();
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
        }

        @Override
        public Optional<Principal> principal() {
            return Optional.ofNullable(exchange.getPrincipal());
        }

        @Override
        public String toString() {
            return method() + " " + path();
        }
    }

    @Override
    public String toString() {
        return "DashboardServer" + Map.of("uri", uri());
    }
}
