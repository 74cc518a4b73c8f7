package dev.shuffify.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.SchedulerOptions;
import dev.shuffify.Shuffify;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.UserSettings;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the code of {@code docs/configuration.md} and checks that the values it calls defaults are the defaults. */
class ConfigurationTest {

    @TempDir
    Path data;

    final DocsWorld world = new DocsWorld();

    @Test
    void theSchedulerOptionsShownAreTheDefaults() {
        assertThat(Configuration.everySchedulerOption().toString())
                .isEqualTo(SchedulerOptions.builder().nodeId("web-1").build().toString());
        assertThat(SchedulerOptions.defaults().nodeId()).matches("node-[0-9a-f]{8}");
    }

    @Test
    void everyBuilderOptionBuildsAndTheDefaultsAreWhatThePageSays() {
        try (Shuffify shuffify = Configuration.everyBuilderOption(world.store, world.music)) {
            assertThat(shuffify.jobTypes()).contains("raid_and_shuffle", "raid_and_drip", "drip_and_shuffle");
            assertThat(shuffify.clock()).isEqualTo(Clock.systemUTC());
            assertThat(shuffify.store()).isSameAs(world.store);
        }
        try (Shuffify defaults = Shuffify.builder().connector(world.music).build()) {
            assertThat(defaults.store()).isInstanceOf(InMemoryShuffifyStore.class);
            assertThat(defaults.clock()).isEqualTo(Clock.systemUTC());
            assertThat(defaults.plugins()).extracting(PluginDescriptor::id).contains("shuffle", "balanced", "liked");
        }
        assertThatThrownBy(() -> Shuffify.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("a connector is required: Shuffify.builder().connector(...)");
    }

    @Test
    void handPickedPluginsAreTheOnlyOnes() {
        try (Shuffify shuffify = Configuration.handPicked(world.music)) {
            assertThat(shuffify.jobTypes()).containsExactly("raid", "shuffle", "raid_and_shuffle");
            assertThat(shuffify.plugins()).filteredOn(p -> p.kind() != PluginDescriptor.Kind.JOB_CHAIN)
                    .extracting(PluginDescriptor::source).containsOnly("registered");
            // the chain is declared next to the registered job types, by the module of its shuffle step
            assertThat(shuffify.plugins()).filteredOn(p -> p.kind() == PluginDescriptor.Kind.JOB_CHAIN)
                    .extracting(PluginDescriptor::id).containsExactly("raid_and_shuffle");
        }
    }

    @Test
    void theStoreFactories() {
        assertThat(Configuration.inMemory()).isInstanceOf(InMemoryShuffifyStore.class);
        try (JdbcShuffifyStore file = Configuration.embedded(data)) {
            assertThat(file.schemaVersion()).isEqualTo(JdbcShuffifyStore.latestSchemaVersion());
        }
        assertThat(Files.exists(data.resolve("shuffify.mv.db"))).isTrue();

        JdbcConnectionPool h2 = JdbcConnectionPool.create("jdbc:h2:async:" + data.resolve("other").toAbsolutePath()
                + ";WRITE_DELAY=0", "sa", "");
        try {
            assertThatThrownBy(() -> Configuration.postgres(h2)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("JdbcShuffifyStore.postgres needs a PostgreSQL data source, but this one is h2");
            try (JdbcShuffifyStore detected = Configuration.detected(h2)) {
                assertThat(detected.schemaVersionAtOpen()).isEqualTo(JdbcShuffifyStore.latestSchemaVersion());
            }
        } finally {
            h2.dispose();
        }
    }

    @Test
    void theScheduleOptionsShownAreTheDefaults() {
        JobSpec job = JobSpec.builder("shuffle").target("gym", "Gym").algorithm("basic").build();
        ScheduleDefinition shown = Configuration.everyScheduleOption(job);
        assertThat(shown).isEqualTo(ScheduleDefinition.of(job, shown.trigger()));
        assertThat(shown.misfirePolicy()).isEqualTo(MisfirePolicy.RUN_ONCE);
    }

    @Test
    void theUserSettingsShownAreTheDefaults() {
        try (Shuffify shuffify = world.shuffify()) {
            assertThat(shuffify.settings("alice")).isEqualTo(UserSettings.DEFAULTS);
            assertThat(Configuration.everyUserSetting(shuffify)).isEqualTo(UserSettings.DEFAULTS);
        }
    }
}
