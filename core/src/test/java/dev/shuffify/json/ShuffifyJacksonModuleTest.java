package dev.shuffify.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Pin;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.TriggerSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShuffifyJacksonModuleTest {
    private static final Instant T = Instant.parse("2026-11-22T10:15:30Z");
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new ShuffifyJacksonModule());

    @Test
    void writesCamelCaseNamesLowerCaseEnumsAndIsoTimes() throws Exception {
        Schedule schedule = new Schedule("s1", "u1", JobSpec.builder("shuffle").target("p1", "Mix")
                .algorithm("artist_spacing").param("section_count", 4).build(),
                Trigger.cron("30 2 * * 1-5", "Europe/Paris"), true, false, MisfirePolicy.SKIP, T, T, null,
                ExecutionStatus.FAILED_ROLLED_BACK, "boom", T.plus(Duration.ofHours(1)));

        assertThat(mapper.writeValueAsString(schedule)).isEqualTo("{\"id\":\"s1\",\"userId\":\"u1\",\"job\":{"
                + "\"type\":\"shuffle\",\"target\":{\"id\":\"p1\",\"name\":\"Mix\"},\"sources\":[],"
                + "\"algorithm\":\"artist_spacing\",\"algorithmParams\":{},\"params\":{\"section_count\":4}},"
                + "\"trigger\":{\"kind\":\"cron\",\"expression\":\"30 2 * * 1-5\",\"zone\":\"Europe/Paris\"},"
                + "\"enabled\":true,\"verifyWrites\":false,\"misfirePolicy\":\"skip\","
                + "\"createdAt\":\"2026-11-22T10:15:30Z\",\"updatedAt\":\"2026-11-22T10:15:30Z\",\"lastRunAt\":null,"
                + "\"lastStatus\":\"failed_rolled_back\",\"lastError\":\"boom\","
                + "\"nextRunAt\":\"2026-11-22T11:15:30Z\"}");
        assertThat(mapper.writeValueAsString(Trigger.named("daily")))
                .isEqualTo("{\"kind\":\"interval\",\"name\":\"daily\",\"every\":\"PT24H\"}");
        assertThat(mapper.writeValueAsString(Track.ofUri("spotify:episode:e1").withAddedAt(T)))
                .isEqualTo("{\"uri\":\"spotify:episode:e1\",\"id\":null,\"name\":\"\",\"artists\":[],\"album\":null,"
                        + "\"duration\":\"PT0S\",\"popularity\":0,\"addedAt\":\"2026-11-22T10:15:30Z\","
                        + "\"kind\":\"episode\"}");
        assertThat(mapper.writeValueAsString(new Pin("pin1", "u1", "p1", "spotify:track:a", 0, 0, null)))
                .doesNotContain("byUri").contains("\"fromPosition\":-1");
    }

    @Test
    void withoutTheModuleJacksonCannotReadATriggerBack() {
        ObjectMapper plain = new ObjectMapper();
        assertThatThrownBy(() -> plain.readValue("{\"kind\":\"interval\",\"name\":\"daily\"}", Trigger.class))
                .isInstanceOf(InvalidDefinitionException.class);
    }

    @Test
    void readsTriggersTheWaysAHostWritesThem() throws Exception {
        assertThat(mapper.readValue("{\"kind\":\"interval\",\"name\":\"Weekly\"}", Trigger.class))
                .isEqualTo(Trigger.named("weekly"));
        assertThat(mapper.readValue("{\"kind\":\"interval\",\"every\":\"PT30M\"}", Trigger.class))
                .isEqualTo(Trigger.every(Duration.ofMinutes(30)));
        assertThat(mapper.readValue("{\"kind\":\"cron\",\"expression\":\"0  6 * * *\",\"zone\":\"UTC\"}",
                Trigger.Cron.class)).isEqualTo(Trigger.cron("0 6 * * *", "UTC"));
    }

    @Test
    void findAndRegisterModulesFindsTheModule() throws Exception {
        ObjectMapper found = new ObjectMapper().findAndRegisterModules();

        assertThat(found.getRegisteredModuleIds()).anyMatch(id -> id.toString().contains(ShuffifyJacksonModule.NAME)
                || id.equals(ShuffifyJacksonModule.class.getName()));
        assertThat(found.readValue("{\"kind\":\"interval\",\"name\":\"hourly\"}", Trigger.class))
                .isEqualTo(Trigger.named("hourly"));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        String json = "{\"id\":\"snap1\",\"playlistId\":\"p1\",\"uris\":[],\"type\":\"manual\","
                + "\"createdAt\":\"2026-11-22T10:15:30Z\"}";

        assertThatThrownBy(() -> mapper.readValue(json, Snapshot.class)).isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("invalid Snapshot: userId is required (missing or null)");
    }

    @Test
    void aValueTheRecordRefusesIsNamedWithItsField() {
        String json = "{\"id\":\"pin1\",\"userId\":\"u1\",\"playlistId\":\"p1\",\"uri\":null,\"fromPosition\":3,"
                + "\"toPosition\":1,\"until\":null}";

        assertThatThrownBy(() -> mapper.readValue(json, Pin.class)).isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("invalid Pin: pin.positions: a position pin needs 0 <= from <= to, was 3..1");
    }

    @Test
    void aBadTriggerIsNamedWithItsFieldAndPath() {
        String json = "{\"id\":\"s1\",\"userId\":\"u1\",\"job\":{\"type\":\"shuffle\"},\"trigger\":{\"kind\":\"cron\","
                + "\"expression\":\"61 * * * *\",\"zone\":\"UTC\"},\"createdAt\":\"2026-11-22T10:15:30Z\","
                + "\"updatedAt\":\"2026-11-22T10:15:30Z\"}";

        assertThatThrownBy(() -> mapper.readValue(json, Schedule.class)).isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("trigger.expression").hasMessageContaining("'61 * * * *'")
                .hasMessageContaining("Schedule[\"trigger\"]");
        assertThatThrownBy(() -> mapper.readValue("{\"kind\":\"cron\",\"expression\":\"0 6 * * *\"}", Trigger.class))
                .hasMessageContaining("trigger.zone: a cron trigger needs a time zone, e.g. UTC");
        assertThatThrownBy(() -> mapper.readValue("{\"kind\":\"cron\",\"expression\":\"0 6 * * *\","
                + "\"zone\":\"Mars/Olympus\"}", Trigger.class)).hasMessageContaining("trigger.zone: unknown time zone");
        assertThatThrownBy(() -> mapper.readValue("{\"kind\":\"monthly\"}", Trigger.class))
                .hasMessageContaining("trigger.kind: must be interval or cron, was 'monthly'");
        assertThatThrownBy(() -> mapper.readValue("{\"kind\":\"interval\",\"every\":\"half an hour\"}", Trigger.class))
                .hasMessageContaining("trigger.interval").hasMessageContaining("ISO-8601 duration");
        assertThatThrownBy(() -> mapper.readValue("{\"kind\":\"interval\",\"every\":\"PT90S\"}", Trigger.class))
                .hasMessageContaining("trigger.interval: an interval must be whole minutes");
    }

    @Test
    void aBadEnumOrTimeNamesTheFieldAndWhatIsAllowed() {
        String execution = "{\"id\":\"e1\",\"scheduleId\":\"s1\",\"userId\":\"u1\",\"jobType\":\"raid\","
                + "\"startedAt\":\"2026-11-22T10:15:30Z\",\"status\":\"done\",\"attempt\":1}";
        assertThatThrownBy(() -> mapper.readValue(execution, Execution.class)).isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("\"done\"").hasMessageContaining("allowed: running, success, failed, "
                        + "failed_rolled_back, skipped, abandoned").hasMessageContaining("Execution[\"status\"]");

        String lateStart = execution.replace("\"done\"", "\"SUCCESS\"").replace("2026-11-22T10:15:30Z", "yesterday");
        assertThatThrownBy(() -> mapper.readValue(lateStart, Execution.class)).isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("ISO-8601 instant").hasMessageContaining("Execution[\"startedAt\"]");
    }

    @Test
    void aBadSnapshotTypeSaysWhatANameIs() throws Exception {
        assertThatThrownBy(() -> mapper.readValue("5", dev.shuffify.model.SnapshotType.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("expected a snapshot type name such as auto_pre_shuffle");
        assertThatThrownBy(() -> mapper.readValue("\"9 lives\"", dev.shuffify.model.SnapshotType.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("is not a name");
        assertThat(mapper.readValue("\" AUTO_PRE_SHUFFLE \"", dev.shuffify.model.SnapshotType.class))
                .isEqualTo(dev.shuffify.model.SnapshotType.AUTO_PRE_SHUFFLE);
        assertThat(mapper.writeValueAsString(dev.shuffify.model.SnapshotType.of("my_plugin_type")))
                .isEqualTo("\"my_plugin_type\"");
    }

    @Test
    void enumsReadInAnyCase() throws Exception {
        String json = "{\"id\":\"e1\",\"scheduleId\":\"s1\",\"userId\":\"u1\",\"jobType\":\"raid\","
                + "\"startedAt\":\"2026-11-22T10:15:30Z\",\"status\":\"SUCCESS\",\"triggerSource\":\"Manual\","
                + "\"attempt\":2,\"details\":{\"added\":3},\"warnings\":[\"w\"]}";

        Execution e = mapper.readValue(json, Execution.class);

        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(e.triggerSource()).isEqualTo(TriggerSource.MANUAL);
        assertThat(e.details()).isEqualTo(Map.of("added", 3));
        assertThat(e.warnings()).isEqualTo(List.of("w"));
    }
}
