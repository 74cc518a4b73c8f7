package dev.shuffify.dashboard.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shuffify.dashboard.DashboardAuthenticator;
import dev.shuffify.dashboard.DashboardRequest;
import dev.shuffify.dashboard.DashboardResponse;
import dev.shuffify.dashboard.DashboardUser;
import dev.shuffify.dashboard.internal.Views.ErrorView;
import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.ShuffifyException;
import dev.shuffify.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Authentication, CSRF, methods, routing and errors; the answers themselves come from {@link Api}. */
public final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/charts.js", "charts.js",
            "/style.css", "style.css",
            "/favicon.svg", "favicon.svg");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final Api api;
    private final DashboardAuthenticator authenticator;
    private final Csrf csrf;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, byte[]> assetCache = new ConcurrentHashMap<>();

    /**
     * A router.
     *
     * @param backend the facade calls
     * @param authenticator the host's authenticator
     * @param csrfKey the key CSRF tokens are derived from
     */
    public Router(Backend backend, DashboardAuthenticator authenticator, byte[] csrfKey) {
        this.csrf = new Csrf(csrfKey);
        this.api = new Api(backend, csrf);
        this.authenticator = authenticator;
    }

    /**
     * Answers one request.
     *
     * @param request the request
     * @return the response
     */
    public DashboardResponse handle(DashboardRequest request) {
        String path = request.path() == null || request.path().isEmpty() ? "/" : request.path();
        Optional<DashboardUser> user = authenticate(request);
        if (user == null || user.isEmpty()) {
            Map<String, String> extra = new HashMap<>();
            authenticator.challenge().ifPresent(c -> extra.put("WWW-Authenticate", c));
            return error(401, "not signed in: the host's authenticator did not accept this request", extra);
        }
        if (!path.startsWith("/api/")) {
            return page(path, request.method());
        }
        return apiCall(request, user.get(), path);
    }

    /** The host's verdict on a request; an authenticator that throws accepts no one. */
    private Optional<DashboardUser> authenticate(DashboardRequest request) {
        try {
            return authenticator.authenticate(request);
        } catch (RuntimeException e) {
            LOG.warn("the dashboard's authenticator failed; the request is refused", e);
            return Optional.empty();
        }
    }

    /** One of the dashboard's own files, for GET or HEAD. */
    private DashboardResponse page(String path, String method) {
        String asset = ASSETS.get(path);
        if (asset == null) {
            return error(404, "no such page", Map.of());
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return error(405, "pages answer GET only", Map.of("Allow", "GET, HEAD"));
        }
        return asset(asset);
    }

    /** A call under {@code /api/}: its route, method and (for a POST) CSRF token are checked before it runs. */
    private DashboardResponse apiCall(DashboardRequest request, DashboardUser who, String path) {
        String method = request.method();
        List<String> segments = segments(path.substring("/api/".length()));
        Map<String, String> query = query(request.query());
        Optional<Api.Route> route = api.route(segments);
        if (route.isEmpty()) {
            return error(404, "no such API call", Map.of());
        }
        Api.Route r = route.get();
        if (!method.equals(r.method()) && !(r.method().equals("GET") && method.equals("HEAD"))) {
            return error(405, "this call takes " + r.method(), Map.of("Allow", r.method()));
        }
        if (r.method().equals("POST") && !csrf.valid(who, request.header(CSRF_HEADER).orElse(null))) {
            return error(403, "missing or wrong CSRF token (send the " + CSRF_HEADER + " header of api/session)",
                    Map.of());
        }
        return answer(r, who, query, method, path);
    }

    /** Runs a checked call; each failure becomes its status, an unexpected one a 500 whose detail is only logged. */
    private DashboardResponse answer(Api.Route route, DashboardUser who, Map<String, String> query, String method,
            String path) {
        try {
            return ok(route.handler().answer(who, query));
        } catch (Api.NotFound | NotFoundException e) {
            return error(404, e.getMessage(), Map.of());
        } catch (Api.Forbidden e) {
            return error(403, e.getMessage(), Map.of());
        } catch (ValidationException e) {
            return error(400, e.getMessage(), Map.of());
        } catch (JobExecutionException e) {
            return error(409, e.getMessage(), Map.of());
        } catch (ShuffifyException e) {
            return error(409, e.getMessage(), Map.of());
        } catch (RuntimeException e) {
            LOG.warn("dashboard call {} {} failed", method, path, e);
            return error(500, "the call failed (" + e.getClass().getSimpleName() + "); the host's log has the detail",
                    Map.of());
        }
    }

    private static List<String> segments(String rest) {
        List<String> out = new java.util.ArrayList<>();
        for (String s : rest.split("/", -1)) {
            out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private DashboardResponse asset(String name) {
        byte[] body = assetCache.computeIfAbsent(name, n -> {
            try (InputStream in = Router.class.getResourceAsStream("/dev/shuffify/dashboard/static/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("the dashboard's asset " + n + " is missing from its jar");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<String, String> headers = headers(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        headers.put("Cache-Control", "no-cache");
        return new DashboardResponse(200, headers, body);
    }

    private DashboardResponse ok(Object value) {
        return new DashboardResponse(200, headers("application/json; charset=utf-8"), write(value));
    }

    private DashboardResponse error(int status, String message, Map<String, String> extra) {
        Map<String, String> headers = headers("application/json; charset=utf-8");
        headers.putAll(extra);
        return new DashboardResponse(status, headers, write(new ErrorView(message)));
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the dashboard's JSON", e);
        }
    }

    /** The headers of every answer: a strict Content-Security-Policy, no sniffing, no framing, no caching. */
    private static Map<String, String> headers(String contentType) {
        Map<String, String> h = new HashMap<>();
        h.put("Content-Type", contentType);
        h.put("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cache-Control", "no-store");
        return h;
    }
}
