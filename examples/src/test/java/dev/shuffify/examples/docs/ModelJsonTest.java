package dev.shuffify.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shuffify.Shuffify;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Trigger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the code of {@code docs/operations.md}, "Serving the model as JSON". */
class ModelJsonTest {
    final DocsWorld world = new DocsWorld();
    final ObjectMapper mapper = ModelJson.mapper();

    static final String BODY = "{\"job\":{\"type\":\"shuffle\",\"target\":{\"id\":\"gym\",\"name\":\"Gym\"},"
            + "\"algorithm\":\"basic\"},\"trigger\":{\"kind\":\"cron\",\"expression\":\"30 6 * * 1-5\","
            + "\"zone\":\"Europe/Paris\"},\"enabled\":true,\"verifyWrites\":true,\"misfirePolicy\":\"run_once\"}";

    @Test
    void aRestApiCreatesAScheduleFromJsonAndServesItsHistory() throws Exception {
        try (Shuffify shuffify = world.shuffify()) {
            Schedule created = mapper.readValue(ModelJson.createSchedule(mapper, shuffify, "alice", BODY),
                    Schedule.class);

            assertThat(created).isEqualTo(shuffify.schedules().get("alice", created.id()));
            assertThat(created.trigger()).isEqualTo(Trigger.cron("30 6 * * 1-5", "Europe/Paris"));

            Execution run = shuffify.runs().runNow("alice", created.id());
            String history = ModelJson.history(mapper, shuffify, "alice", created.id());

            assertThat(history).contains("\"status\":\"success\"").contains("\"triggerSource\":\"manual\"");
            List<Execution> back = mapper.readValue(history, new TypeReference<List<Execution>>() { });
            assertThat(back).containsExactly(run);
            assertThat(back.get(0).status()).isEqualTo(ExecutionStatus.SUCCESS);
        }
    }

    @Test
    void aBadRequestBodyIsRefusedNamingTheField() {
        try (Shuffify shuffify = world.shuffify()) {
            String noZone = BODY.replace(",\"zone\":\"Europe/Paris\"", "");

            assertThatThrownBy(() -> ModelJson.createSchedule(mapper, shuffify, "alice", noZone))
                    .isInstanceOf(JsonMappingException.class)
                    .hasMessageContaining("trigger.zone: a cron trigger needs a time zone, e.g. UTC");
            assertThat(shuffify.schedules().list("alice")).isEmpty();
        }
    }
}
