package dev.shuffify.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The dashboard's answer to one request, for the server that received it to send.
 *
 * @param status the HTTP status
 * @param headers the headers to send ({@code Content-Type}, the security headers …); never null
 * @param body the body; never null (empty for none)
 * @since 0.2.0
 */
public record DashboardResponse(int status, Map<String, String> headers, byte[] body) {

    /**
     * Copies the headers.
     *
     * @param status the HTTP status
     * @param headers the headers; never null
     * @param body the body; never null
     */
    public DashboardResponse {
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(body, "body");
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
