package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.SpotifyApi;

class NoSecretsInLogsTest {

    @Test
    void noTokenOrClientSecretEverReachesALogLineAnExceptionMessageOrAToString() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        List<String> jul = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                jul.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level julLevel = SpotifyApi.LOGGER.getLevel();
        SpotifyApi.LOGGER.setLevel(java.util.logging.Level.ALL);
        SpotifyApi.LOGGER.addHandler(handler);
        List<String> texts = new ArrayList<>();
        List<String> tokens;
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.maxAttempts(2).health(1, 2))) {
            f.fake.rotateRefreshTokens(true);
            f.login("alice");
            List<String> uris = f.fake.addTracks("t", 130);
            String id = f.fake.createPlaylist("alice", "P", uris);
            SpotifyPlaylistService service = f.connect("alice");
            service.playlist(id);
            f.fake.expireAccessTokens();
            service.addAll(id, uris.subList(0, 120));
            f.fake.rateLimitNext(2, 3);
            service.playlist(id);
            f.fake.failNext(null, 4, 500);
            texts.add(String.valueOf(catchThrowable(() -> service.playlist(id))));
            texts.add(String.valueOf(catchThrowable(() -> service.playlist(id))));
            texts.add(String.valueOf(catchThrowable(() -> service.playlist("missing"))));
            f.clock.advance(Duration.ofHours(2));
            f.connect("alice");
            f.fake.revokeRefreshTokens("alice");
            f.clock.advance(Duration.ofHours(2));
            texts.add(String.valueOf(catchThrowable(() -> f.connect("alice"))));
            texts.add(String.valueOf(catchThrowable(() -> new SpotifyConnector(f.config(b -> b), f.store.accounts(),
                    TokenCipher.ofKey(TokenCipher.newKey())).connect("alice"))));
            texts.add(f.connector.toString());
            texts.add(f.connector.config().toString());
            texts.add(service.toString());
            texts.add(String.valueOf(f.connector.account("alice")));
            tokens = f.fake.issuedTokens();
            assertThat(f.fake.count("POST /api/token")).isGreaterThanOrEqualTo(3);
        } finally {
            root.detachAppender(appender);
            root.setLevel(rootLevel);
            SpotifyApi.LOGGER.removeHandler(handler);
            SpotifyApi.LOGGER.setLevel(julLevel);
        }
        for (ILoggingEvent event : appender.list) {
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(t.getMessage());
            }
        }
        texts.addAll(jul);

        assertThat(appender.list).as("the scenario logs something").isNotEmpty();
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(6);
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            assertThat(text).doesNotContain(FakeSpotifyWebApi.CLIENT_SECRET);
            for (String token : tokens) {
                assertThat(text).doesNotContain(token);
            }
        }
    }
}
