package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shuffify.spotify.fake.Exchange;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the fake against the Web API's OpenAPI description (the copy under this module's test resources, {@code spotify-web-api/}): every request the
 * adapter sends and every answer the fake gives, for a scenario that touches every endpoint the adapter uses, in
 * both dialects; then what the description leaves optional but the service does send.
 */
class OpenApiConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = "/spotify-web-api/fixed-spotify-open-api.yml";
    private static OpenApiInteractionValidator validator;
    private static Set<String> specOperations;

    @BeforeAll
    static void loadTheDescription() {
        Path spec = locate();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read(spec.toString(), null, options);
        assertThat(api).as("parsed %s", spec).isNotNull();
        // the validator line for Java 17 rejects `discriminator: {propertyName: type}` where `type` is not
        // required (on `item` / `track`); the description's README says to strip it
        stripDiscriminators(api);
        specOperations = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> specOperations.add(method.name() + " /v1" + path)));
        validator = OpenApiInteractionValidator.createFor(api).withResolveCombinators(true).build();
    }

    private static Path locate() {
        URL resource = OpenApiConformanceTest.class.getResource(SPEC);
        if (resource == null) {
            throw new IllegalStateException("cannot find the test resource " + SPEC);
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the test resource " + SPEC, e);
        }
    }

    private static void stripDiscriminators(OpenAPI api) {
        Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
        api.getComponents().getSchemas().values().forEach(s -> strip(s, seen));
        api.getComponents().getResponses().values().forEach(r -> {
            if (r.getContent() != null) {
                r.getContent().values().forEach(m -> strip(m.getSchema(), seen));
            }
        });
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getResponses() != null) {
                op.getResponses().values().forEach(r -> {
                    if (r.getContent() != null) {
                        r.getContent().values().forEach(m -> strip(m.getSchema(), seen));
                    }
                });
            }
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().values().forEach(m -> strip(m.getSchema(), seen));
            }
        }));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void strip(Schema<?> schema, Map<Schema<?>, Boolean> seen) {
        if (schema == null || seen.put(schema, true) != null) {
            return;
        }
        schema.setDiscriminator(null);
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) (Map) schema.getProperties()).values().forEach(s -> strip(s, seen));
        }
        strip(schema.getItems(), seen);
        for (List<Schema> list : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (list != null) {
                list.forEach(s -> strip(s, seen));
            }
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> extra) {
            strip(extra, seen);
        }
    }

    /** Runs every operation of the adapter against the fake. */
    private static List<Exchange> scenario(SpotifyFixture f) {
        f.login("alice");
        f.fake.addUser("bob");
        List<String> uris = f.fake.addTracks("song", 130);
        String local = "spotify:local:Band:Demo:Tape:120";
        List<String> withLocal = new ArrayList<>(uris.subList(0, 60));
        withLocal.add(1, local);
        f.fake.markUnavailable(uris.get(2));
        String mine = f.fake.createPlaylist("alice", "Mine", withLocal);
        String bobs = f.fake.createPlaylist("bob", "Bob's", uris.subList(60, 70));
        f.fake.follow("alice", bobs);
        f.fake.like("alice", uris.subList(0, 60));
        for (int i = 0; i < 12; i++) {
            f.fake.addAlbum("Solo", "Record " + i, "2024-05-0" + (1 + i % 9), i % 2 == 0 ? "album" : "single");
        }
        SpotifyPlaylistService service = f.connect("alice");
        service.currentUserId();
        service.playlists();
        service.playlist(mine);
        try {
            service.playlist(bobs);
        } catch (dev.shuffify.error.PlaylistNotFoundException expectedInTheItemsDialect) {
            assertThat(f.dialect).isEqualTo(ApiDialect.ITEMS);
        }
        service.addAll(mine, uris.subList(60, 130));
        service.addTracks(mine, List.of(uris.get(0)), 0);
        service.removeTracks(mine, List.of(uris.get(5), uris.get(6)));
        service.reorderTracks(mine, 3, 2, 0);
        String target = service.createPlaylist("Target", "made by a test", false).id();
        service.replaceAll(target, uris.subList(0, 120));
        service.likedTracks(55);
        service.artistAlbums(FakeSpotifyWebApi.artistId("Solo"));
        String albumId = service.searchTracks("song-1", 12).get(0).album().id();
        service.albumTracks(albumId);
        f.fake.rateLimitNext(1, 2);
        service.playlist(target);
        return f.fake.exchanges();
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void everyRequestAndEveryAnswerMatchesTheDescription(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            List<Exchange> exchanges = scenario(f);
            List<String> problems = new ArrayList<>();
            int validated = 0;
            for (Exchange e : exchanges) {
                if (!e.path().startsWith("/v1/")) {
                    continue;
                }
                if (e.status() == 401) {
                    continue;
                }
                validated++;
                ValidationReport report = validator.validate(request(e), response(e));
                for (ValidationReport.Message m : report.getMessages()) {
                    if (m.getLevel() == ValidationReport.Level.ERROR) {
                        problems.add(e.method() + " " + e.path() + " -> " + e.status() + ": " + m.getKey() + ": "
                                + m.getMessage());
                    }
                }
            }
            assertThat(validated).isGreaterThan(15);
            assertThat(problems).isEmpty();
            Set<String> used = exchanges.stream().filter(e -> e.path().startsWith("/v1/"))
                    .map(Exchange::endpoint).collect(Collectors.toCollection(TreeSet::new));
            assertThat(specOperations).as("every endpoint the adapter used is described").containsAll(used);
            System.out.printf("%s: validated %d exchanges over %d endpoints: %s%n", dialect, validated, used.size(),
                    used);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void playlistItemsCarryTheFieldTheDescriptionLeavesOptional(ApiDialect dialect) throws IOException {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            List<Exchange> exchanges = scenario(f);
            String field = dialect == ApiDialect.ITEMS ? "item" : "track";
            String other = dialect == ApiDialect.ITEMS ? "track" : "item";
            int entries = 0;
            for (Exchange e : exchanges) {
                if (e.status() != 200 || !e.endpoint().startsWith("GET /v1/playlists/")) {
                    continue;
                }
                JsonNode body = JSON.readTree(e.responseBody());
                JsonNode page = e.endpoint().endsWith("{playlist_id}") ? body.get(dialect == ApiDialect.ITEMS
                        ? "items" : "tracks") : body;
                if (page == null) {
                    continue;
                }
                for (JsonNode entry : page.path("items")) {
                    entries++;
                    assertThat(entry.has(field)).as("entry carries %s", field).isTrue();
                    assertThat(entry.has(other)).as("entry does not carry %s", other).isFalse();
                    assertThat(entry.hasNonNull("added_at")).isTrue();
                    assertThat(entry.has("is_local")).isTrue();
                    assertThat(entry.get(field).hasNonNull("uri")).isTrue();
                    assertThat(entry.get(field).hasNonNull("type")).isTrue();
                }
            }
            assertThat(entries).isGreaterThan(100);
        }
    }

    private static Request request(Exchange e) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(e.method(), e.path());
        b.withHeader("Authorization", "Bearer redacted");
        if (e.contentType() != null) {
            b.withContentType(e.contentType());
        }
        if (e.requestBody() != null && !e.requestBody().isEmpty()) {
            b.withBody(e.requestBody());
        }
        if (e.query() != null && !e.query().isEmpty()) {
            for (String pair : e.query().split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                b.withQueryParam(key, value);
            }
        }
        return b.build();
    }

    private static SimpleResponse response(Exchange e) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(e.status());
        if (e.responseBody() != null && !e.responseBody().isEmpty()) {
            b.withContentType("application/json").withBody(e.responseBody());
        }
        return b.build();
    }
}
