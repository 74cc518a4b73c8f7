package dev.shuffify.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shuffify.json.ShuffifyJacksonModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Snapshot types are open: any job type names its own. */
class SnapshotTypeTest {

    @Test
    void aPluginNamesItsOwnTypeAndItIsEqualByName() {
        SnapshotType dedupe = SnapshotType.of("auto_pre_dedupe");
        assertThat(dedupe.name()).isEqualTo("auto_pre_dedupe");
        assertThat(dedupe).isEqualTo(SnapshotType.of(" AUTO_PRE_DEDUPE ")).hasSameHashCodeAs(
                SnapshotType.of("auto_pre_dedupe"));
        assertThat(dedupe).isNotEqualTo(SnapshotType.MANUAL);
        assertThat(dedupe.toString()).isEqualTo("auto_pre_dedupe");
    }

    @Test
    void theNamesOfTheConstantsReturnTheConstants() {
        for (SnapshotType known : List.of(SnapshotType.AUTO_PRE_RAID, SnapshotType.AUTO_PRE_SHUFFLE,
                SnapshotType.AUTO_PRE_ROTATE, SnapshotType.SCHEDULED_PRE_EXECUTION, SnapshotType.MANUAL,
                SnapshotType.AUTO_PRE_RESTORE)) {
            assertThat(SnapshotType.of(known.wireName())).isSameAs(known);
            assertThat(SnapshotType.of(known.name().toUpperCase(java.util.Locale.ROOT))).isSameAs(known);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "1st", "pre-dedupe", "with space", "a.b",
            "a_name_that_is_longer_than_forty_characters"})
    void aNameIsALetterThenLettersDigitsAndUnderscores(String name) {
        assertThatThrownBy(() -> SnapshotType.of(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("snapshot type");
        assertThatThrownBy(() -> SnapshotType.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonWritesTheNameAndReadsAPluginsTypeBack() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new ShuffifyJacksonModule());
        Snapshot snapshot = new Snapshot("s1", "alice", "p1", "Mix", List.of("spotify:track:a"),
                SnapshotType.of("auto_pre_dedupe"), "schedule 1 (dedupe)", Instant.parse("2026-01-01T00:00:00Z"));
        String json = mapper.writeValueAsString(snapshot);
        assertThat(json).contains("\"type\":\"auto_pre_dedupe\"");
        assertThat(mapper.readValue(json, Snapshot.class)).isEqualTo(snapshot);
        assertThat(mapper.readValue(json.replace("auto_pre_dedupe", "AUTO_PRE_SHUFFLE"), Snapshot.class).type())
                .isSameAs(SnapshotType.AUTO_PRE_SHUFFLE);
        assertThatThrownBy(() -> mapper.readValue(json.replace("auto_pre_dedupe", "not a name"), Snapshot.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("snapshot type");
    }
}
