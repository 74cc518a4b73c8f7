package dev.shuffify.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shuffify.event.JobEvent;
import dev.shuffify.event.JobListener;
import dev.shuffify.Shuffify;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.testkit.TestClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Starts the application, lets the scheduler run its schedule, and reads Shuffify's health and metrics through
 * Actuator over HTTP. Each subclass gives the application its store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shuffify.scheduler.poll-interval=50ms")
@Import(ShuffifyBootAppContract.Probe.class)
abstract class ShuffifyBootAppContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the test watches: the first scheduled run that succeeded. */
    static final class Runs implements JobListener {
        final CountDownLatch succeeded = new CountDownLatch(1);
        final AtomicReference<Execution> first = new AtomicReference<>();

        @Override
        public void onEvent(JobEvent event) {
            if (event.type() == JobEvent.Type.SUCCEEDED && first.compareAndSet(null, event.execution())) {
                succeeded.countDown();
            }
        }
    }

    /** A clock the test moves, and the listener. */
    @TestConfiguration
    static class Probe {
        @Bean
        TestClock clock() {
            return TestClock.standard();
        }

        @Bean
        Runs runs() {
            return new Runs();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Shuffify shuffify;

    @Autowired
    TestClock clock;

    @Autowired
    Runs runs;

    @Test
    void runsTheScheduleAndShowsHealthAndMetricsAtActuator() throws Exception {
        List<Schedule> schedules = shuffify.schedules().list(ShuffifyBootApp.USER);
        assertThat(schedules).hasSize(1);
        assertThat(shuffify.isStarted()).isTrue();

        clock.advance(Duration.ofMinutes(61));
        assertThat(runs.succeeded.await(30, TimeUnit.SECONDS)).as("the scheduler ran the hourly shuffle").isTrue();
        Execution run = runs.first.get();
        assertThat(run.scheduleId()).isEqualTo(schedules.get(0).id());
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.tracksTotal()).isEqualTo(20);

        JsonNode health = get("/actuator/health");
        JsonNode component = health.path("components").path("shuffify");
        assertThat(component.path("status").asText()).isEqualTo("UP");
        assertThat(component.path("details").path("schedulerRunning").asBoolean()).isTrue();
        assertThat(component.path("details").has("dueSchedules")).isTrue();
        assertThat(component.path("details").path("accounts").has("quarantined")).isTrue();

        JsonNode metric = get("/actuator/metrics/shuffify.executions");
        assertThat(metric.path("name").asText()).isEqualTo("shuffify.executions");
        assertThat(count(metric)).isEqualTo(1.0);
        assertThat(tagValues(metric, "job.type")).contains("shuffle");
        assertThat(tagValues(metric, "status")).contains("success");
        assertThat(count(get("/actuator/metrics/shuffify.executions?tag=status:success&tag=job.type:shuffle")))
                .isEqualTo(1.0);
        assertThat(get("/actuator/metrics/shuffify.backlog").path("measurements").get(0).path("value").asDouble())
                .isZero();
    }

    private static double count(JsonNode metric) {
        for (JsonNode m : metric.path("measurements")) {
            if (m.path("statistic").asText().equals("COUNT")) {
                return m.path("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + metric);
    }

    private static List<String> tagValues(JsonNode metric, String tag) {
        for (JsonNode t : metric.path("availableTags")) {
            if (t.path("tag").asText().equals(tag)) {
                return JSON.convertValue(t.path("values"), JSON.getTypeFactory()
                        .constructCollectionType(List.class, String.class));
            }
        }
        return List.of();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
