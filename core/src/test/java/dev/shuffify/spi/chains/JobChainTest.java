package dev.shuffify.spi.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.Shuffify;
import dev.shuffify.error.PluginException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.JobChain;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.io.IOException;
import java.net.URLClassLoader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chains are declared through the SPI, and each step sees only its own parameters. */
class JobChainTest {
    @TempDir
    Path dir;

    final InMemoryPlaylistService music = new InMemoryPlaylistService();
    final List<String> seen = new CopyOnWriteArrayList<>();
    URLClassLoader loader;

    /** A job type that records what it sees. */
    final class Probe implements JobExecutor {
        private final String type;
        private final List<ParamSpec> parameters;

        Probe(String type, ParamSpec... parameters) {
            this.type = type;
            this.parameters = List.of(parameters);
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String description() {
            return "records its parameters";
        }

        @Override
        public List<ParamSpec> parameters() {
            return parameters;
        }

        @Override
        public Set<String> otherPlaylistsWritten(JobSpec spec) {
            seen.add(type + " writes " + spec.params().keySet());
            return Set.of();
        }

        @Override
        public JobResult execute(JobContext context) {
            seen.add(type + " " + new java.util.TreeMap<>(context.params().asMap()) + " spec "
                    + new java.util.TreeMap<>(context.spec().params()));
            return JobResult.of(0, 0, 0);
        }
    }

    final Probe fill = new Probe("fill", ParamSpec.string("into", "where"), ParamSpec.integer("count", "")
            .atLeast(1).withDefault(1));
    final Probe release = new Probe("release", ParamSpec.string("from", "staging").asRequired(),
            ParamSpec.integer("count", "").atLeast(1).withDefault(2), ParamSpec.bool("top", "").withDefault(true));

    @BeforeEach
    void declareTheChainAsAPluginJarWould() throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(JobChain.class.getName()), FillAndReleaseChain.class.getName() + "\n");
        loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        music.createPlaylist("alice", "mix", "Mix", List.of(Track.ofUri("spotify:track:a")));
    }

    @AfterEach
    void close() throws IOException {
        loader.close();
    }

    Shuffify shuffify() {
        return Shuffify.builder().connector(music).classLoader(loader).jobType(fill).jobType(release)
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
    }

    static ScheduleDefinition daily(JobSpec spec) {
        return ScheduleDefinition.of(spec, Trigger.named("daily"));
    }

    @Test
    void aDiscoveredChainIsAJobTypeAndListedWithItsDisplayName() {
        try (Shuffify shuffify = shuffify()) {
            assertThat(shuffify.jobTypes()).contains("fill", "release", "fill_and_release");
            assertThat(shuffify.plugins()).filteredOn(p -> p.kind() == PluginDescriptor.Kind.JOB_CHAIN)
                    .singleElement().satisfies(p -> {
                        assertThat(p.id()).isEqualTo("fill_and_release");
                        assertThat(p.displayName()).isEqualTo("Fill and release");
                        assertThat(p.className()).isEqualTo(FillAndReleaseChain.class.getName());
                    });
        }
        try (Shuffify withoutRelease = Shuffify.builder().connector(music).classLoader(loader).jobType(fill)
                .build()) {
            assertThat(withoutRelease.jobTypes()).as("a chain needs all its steps").doesNotContain("fill_and_release");
        }
    }

    @Test
    void eachStepSeesItsOwnSectionAndABoundParameterComesFromItsStep() {
        try (Shuffify shuffify = shuffify()) {
            Schedule s = shuffify.createSchedule("alice", daily(JobSpec.builder("fill_and_release")
                    .target("mix", "Mix").stepParam("fill", "count", 5).stepParam("release", "from", "holding")
                    .stepParam("release", "count", 3).build()));
            Execution run = shuffify.executeNow(s.id(), "alice");
            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        }
        assertThat(seen).contains(
                "fill {count=5, into=holding} spec {count=5, into=holding}",
                "release {count=3, from=holding, top=true} spec {count=3, from=holding}");
        assertThat(seen).filteredOn(l -> l.startsWith("fill writes")).isNotEmpty()
                .allMatch(l -> l.equals("fill writes [count, into]"));
    }

    @Test
    void theFlatLayoutOfEarlierVersionsIsReadValueByValueForTheStepsThatDeclareIt() {
        try (Shuffify shuffify = shuffify()) {
            Schedule s = shuffify.createSchedule("alice", daily(JobSpec.builder("fill_and_release")
                    .target("mix", "Mix").param("from", "holding").param("count", 4).param("top", false).build()));
            shuffify.executeNow(s.id(), "alice");
        }
        assertThat(seen).contains("fill {count=4, into=holding} spec {count=4, into=holding}",
                "release {count=4, from=holding, top=false} spec {count=4, from=holding, top=false}");
        assertThat(seen).noneMatch(l -> l.startsWith("fill ") && l.contains("top"));
    }

    @Test
    void stepSectionsAreStoredAsJsonAndReadBackByTheJdbcStore() {
        String id;
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(dir.resolve("db"));
                Shuffify shuffify = Shuffify.builder().store(store).connector(music).classLoader(loader)
                        .jobType(fill).jobType(release).build()) {
            id = shuffify.createSchedule("alice", daily(JobSpec.builder("fill_and_release").target("mix", "Mix")
                    .stepParam("fill", "count", 5).stepParam("release", "from", "holding").build())).id();
        }
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(dir.resolve("db"));
                Shuffify shuffify = Shuffify.builder().store(store).connector(music).classLoader(loader)
                        .jobType(fill).jobType(release).build()) {
            Schedule back = store.schedules().find(id).orElseThrow();
            assertThat(back.job().params()).isEqualTo(Map.of("fill", Map.of("count", 5),
                    "release", Map.of("from", "holding")));
            assertThat(shuffify.executeNow(id, "alice").status()).isEqualTo(ExecutionStatus.SUCCESS);
        }
        assertThat(seen).contains("fill {count=5, into=holding} spec {count=5, into=holding}");
    }

    @Test
    void aPlusChainOfTheSameStepsIsTheDeclaredChain() {
        try (Shuffify shuffify = shuffify()) {
            Schedule s = shuffify.createSchedule("alice", daily(JobSpec.builder("fill+release")
                    .target("mix", "Mix").param("from", "holding").build()));
            shuffify.executeNow(s.id(), "alice");
        }
        assertThat(seen).contains("fill {count=1, into=holding} spec {into=holding}");
    }

    @Test
    void errorsNameTheStepsSectionAndABoundParameterCannotBeGiven() {
        try (Shuffify shuffify = shuffify()) {
            assertThatThrownBy(() -> shuffify.createSchedule("alice", daily(JobSpec.builder("fill_and_release")
                    .target("mix", "Mix").stepParam("fill", "count", 0).stepParam("fill", "into", "elsewhere")
                    .stepParam("release", "colour", "red").build())))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactlyInAnyOrder("job.params.fill.into",
                                    "job.params.fill.count", "job.params.release.colour",
                                    "job.params.release.from"));
            assertThatThrownBy(() -> shuffify.createSchedule("alice", daily(JobSpec.builder("fill_and_release")
                    .target("mix", "Mix").param("from", "holding").param("into", "elsewhere").build())))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .singleElement().satisfies(err -> {
                                assertThat(err.field()).isEqualTo("job.params.into");
                                assertThat(err.message()).contains("unknown parameter");
                            }));
        }
    }

    @Test
    void aChainNamedLikeAJobTypeIsRefusedAtBuild() {
        Probe clash = new Probe("fill_and_release");
        assertThatThrownBy(() -> Shuffify.builder().connector(music).classLoader(loader).jobType(fill)
                .jobType(release).jobType(clash).build()).isInstanceOf(PluginException.class)
                .hasMessageContaining("fill_and_release").hasMessageContaining("rename one");
    }

    @Test
    void stepsAreValidatedWhereTheyAreDeclared() {
        assertThatThrownBy(() -> JobChain.of("solo", "", JobChain.Step.of(List.of("fill"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two steps");
        assertThatThrownBy(() -> JobChain.Step.of("Fill")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobChain.Step.of("fill").bind("into", "release", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JobChain.Step.of("fill").bind("into", "release", "from").bindings())
                .isEqualTo(Map.of("into", "release.from"));
    }
}
