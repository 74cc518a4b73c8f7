package dev.shuffify.spotify.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import se.michaelthelin.spotify.IHttpManager;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;

/**
 * The HTTP layer under spotify-web-api-java's request builders, on the JDK's {@link HttpClient}.
 *
 * <p>Used instead of the library's default manager because that one retries 503 answers itself after a real
 * one-second sleep (which would hide attempts from the adapter's own retry policy and clock), caches GET answers,
 * logs request headers (the bearer token) at FINE level, and drops the status code of other 4xx/5xx answers.
 * This one does none of that: it sends the request the library built and reports any non-2xx answer as a
 * {@link ServiceHttpException} carrying the status, {@code Retry-After} and OAuth error code.
 *
 * <p>Requests built for the accounts service go to the configured accounts base URI (the library's token request
 * builders always name {@code accounts.spotify.com}).
 */
public final class HttpTransport implements IHttpManager {

    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect",
            "upgrade");

    private final HttpClient client;
    private final URI accountsBase;
    private final Duration timeout;

    /**
     * Creates a transport.
     *
     * @param accountsBase where token requests go
     * @param timeout the timeout of one request
     */
    public HttpTransport(URI accountsBase, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.accountsBase = accountsBase;
        this.timeout = timeout;
    }

    @Override
    public String get(URI uri, Header[] headers) throws IOException, SpotifyWebApiException {
        return send("GET", uri, headers, null);
    }

    @Override
    public String post(URI uri, Header[] headers, HttpEntity body) throws IOException, SpotifyWebApiException {
        return send("POST", uri, headers, body);
    }

    @Override
    public String put(URI uri, Header[] headers, HttpEntity body) throws IOException, SpotifyWebApiException {
        return send("PUT", uri, headers, body);
    }

    @Override
    public String delete(URI uri, Header[] headers, HttpEntity body) throws IOException, SpotifyWebApiException {
        return send("DELETE", uri, headers, body);
    }

    private String send(String method, URI uri, Header[] headers, HttpEntity body)
            throws IOException, SpotifyWebApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(route(uri)).timeout(timeout);
        boolean contentType = false;
        for (Header header : headers) {
            String name = header.getName().toLowerCase(Locale.ROOT);
            if (RESTRICTED.contains(name)) {
                continue;
            }
            contentType |= name.equals("content-type");
            request.header(header.getName(), header.getValue());
        }
        if (body != null) {
            if (!contentType && body.getContentType() != null) {
                request.header("Content-Type", body.getContentType());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            body.writeTo(bytes);
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling " + method + " " + uri.getPath());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        throw ServiceHttpException.of(status, response.headers().firstValue("Retry-After").orElse(null),
                response.headers().firstValue("Date").orElse(null), response.body(),
                response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    private URI route(URI uri) {
        if (!SpotifyApi.DEFAULT_AUTHENTICATION_HOST.equals(uri.getHost())) {
            return uri;
        }
        try {
            return new URI(accountsBase.getScheme(), null, accountsBase.getHost(), accountsBase.getPort(),
                    uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot route " + uri.getPath() + " to the accounts base URI", e);
        }
    }
}
