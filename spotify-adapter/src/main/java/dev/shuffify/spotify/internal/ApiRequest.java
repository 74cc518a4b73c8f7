package dev.shuffify.spotify.internal;

import java.io.IOException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.StringEntity;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * A Web API request on a path of our choosing, built with spotify-web-api-java's request builder base (so it
 * gets the same authorization header, scheme, host, port and transport as the library's own requests). Used
 * for the endpoints whose path the library's builders fix to an older form ({@code /playlists/{id}/items},
 * {@code POST /me/playlists}); the answer is returned as JSON text for Jackson.
 */
public final class ApiRequest extends AbstractDataRequest<String> {

    private final String method;

    private ApiRequest(Builder builder) {
        super(builder);
        this.method = builder.method;
    }

    /**
     * Sends the request.
     *
     * @return the answer body, or null when empty
     * @throws IOException on I/O failure
     * @throws SpotifyWebApiException on a non-2xx answer
     * @throws ParseException when the answer cannot be read
     */
    @Override
    public String execute() throws IOException, SpotifyWebApiException, ParseException {
        return switch (method) {
            case "GET" -> getJson();
            case "POST" -> postJson();
            case "PUT" -> putJson();
            case "DELETE" -> deleteJson();
            default -> throw new IllegalStateException("unsupported method " + method);
        };
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder extends AbstractDataRequest.Builder<String, Builder> {
        private final String method;
        private final String pathTemplate;

        /**
         * Starts a request.
         *
         * @param accessToken the bearer token
         * @param method GET, POST, PUT or DELETE
         * @param pathTemplate the path with {@code {name}} parameters, e.g. {@code /v1/playlists/{playlist_id}/items}
         */
        public Builder(String accessToken, String method, String pathTemplate) {
            super(accessToken);
            this.method = method;
            this.pathTemplate = pathTemplate;
        }

        /**
         * Sets a JSON body.
         *
         * @param json the body
         * @return this
         */
        public Builder jsonBody(String json) {
            setHeader("Content-Type", ContentType.APPLICATION_JSON.getMimeType());
            return setBody(new StringEntity(json, ContentType.APPLICATION_JSON));
        }

        @Override
        public ApiRequest build() {
            setPath(pathTemplate);
            return new ApiRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
