package dev.shuffify.spotify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serial;
import java.time.Duration;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;

/**
 * A non-2xx answer of the Web API or the accounts service, with what the adapter needs to decide: the status,
 * the {@code Retry-After} hint and the OAuth error code. Its message holds the status and the service's own
 * short message, never a request header or a token.
 */
public final class ServiceHttpException extends SpotifyWebApiException {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final transient Duration retryAfter;
    private final String errorCode;
    private final String serviceMessage;
    private final String authenticate;

    ServiceHttpException(int status, Duration retryAfter, String errorCode, String message, String authenticate) {
        super("HTTP " + status + (message == null || message.isBlank() ? "" : ": " + message));
        this.status = status;
        this.retryAfter = retryAfter;
        this.errorCode = errorCode;
        this.serviceMessage = message;
        this.authenticate = authenticate;
    }

    static ServiceHttpException of(int status, String retryAfterHeader, String body) {
        return of(status, retryAfterHeader, body, null);
    }

    /**
     * Reads an error answer.
     *
     * @param status the HTTP status
     * @param retryAfterHeader the {@code Retry-After} header, or null
     * @param body the body, or null
     * @param authenticate the {@code WWW-Authenticate} header, or null
     * @return the exception
     */
    static ServiceHttpException of(int status, String retryAfterHeader, String body, String authenticate) {
        return of(status, retryAfterHeader, null, body, authenticate);
    }

    /**
     * Reads an error answer whose {@code Retry-After} may be an HTTP date (RFC 9110 §10.2.3), which is read
     * relative to the answer's own {@code Date} header, so that no clock of ours (nor its skew) is involved.
     *
     * @param status the HTTP status
     * @param retryAfterHeader the {@code Retry-After} header: seconds or an HTTP date; or null
     * @param dateHeader the answer's {@code Date} header, or null (then an HTTP-date hint is not read)
     * @param body the body, or null
     * @param authenticate the {@code WWW-Authenticate} header, or null
     * @return the exception
     */
    static ServiceHttpException of(int status, String retryAfterHeader, String dateHeader, String body,
            String authenticate) {
        String code = null;
        String message = null;
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            message = "empty answer body" + (status >= 500 ? " (a proxy or gateway in front of the service may have"
                    + " answered)" : "");
        } else if (trimmed.startsWith("<")) {
            java.util.regex.Matcher title = java.util.regex.Pattern.compile("(?is)<title>(.*?)</title>")
                    .matcher(trimmed);
            message = "an HTML page" + (title.find() ? " '" + title.group(1).strip() + "'" : "")
                    + ", not the service's JSON error (a proxy or gateway in front of the service answered)";
        } else if (!trimmed.startsWith("{")) {
            // some refusals come as plain text, e.g. "User not approved for app"
            message = trimmed.replaceAll("\\s+", " ");
        } else {
            try {
                JsonNode node = JSON.readTree(body);
                JsonNode error = node.get("error");
                if (error != null && error.isObject()) {
                    message = error.path("message").asText(null);
                } else if (error != null && error.isTextual()) {
                    code = error.asText();
                    message = node.path("error_description").asText(code);
                }
            } catch (java.io.IOException | RuntimeException e) {
                message = "an answer body that is not valid JSON";
            }
        }
        if (message != null && message.length() > 200) {
            message = message.substring(0, 200);
        }
        if (message == null && authenticate != null) {
            java.util.regex.Matcher description = java.util.regex.Pattern.compile("error_description=\"([^\"]*)\"")
                    .matcher(authenticate);
            message = description.find() ? description.group(1) : null;
        }
        return new ServiceHttpException(status, parseRetryAfter(retryAfterHeader, dateHeader), code, message,
                authenticate);
    }

    /**
     * A {@code Retry-After}: delay-seconds, or an HTTP date less the answer's {@code Date} (a date already past
     * is no wait). Null when there is none or it cannot be read, so the caller's default applies.
     */
    static Duration parseRetryAfter(String header, String dateHeader) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            if (dateHeader == null || dateHeader.isBlank()) {
                return null;
            }
            try {
                java.time.ZonedDateTime until = java.time.ZonedDateTime.parse(value,
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                java.time.ZonedDateTime now = java.time.ZonedDateTime.parse(dateHeader.trim(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(now, until);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (java.time.format.DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the {@code Retry-After} hint, or null when the service gave none */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return the service's own message (from its JSON error, a plain-text body, or a description of an HTML or
     *      empty body), or null */
    public String serviceMessage() {
        return serviceMessage;
    }

    /** @return the {@code WWW-Authenticate} header of a 401, or null */
    public String authenticate() {
        return authenticate;
    }

    /** @return the OAuth error code ({@code invalid_grant} …) of an accounts-service error, or null */
    public String errorCode() {
        return errorCode;
    }
}
