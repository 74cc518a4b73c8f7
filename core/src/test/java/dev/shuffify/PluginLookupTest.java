package dev.shuffify;

import dev.shuffify.error.PluginException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.spi.PluginDescriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.testing.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plugin lookup through the facade: aliases, chain names, and validation of specs against declarations. */
class PluginLookupTest {

    final InMemoryPlaylistService music = new InMemoryPlaylistService(TestClock.standard());
    final StubPlugins.Algorithm balanced = new StubPlugins.Algorithm("balanced", List.of("BalancedShuffle"),
            ParamSpec.integer("section_count", "").range(2, 10).withDefault(4),
            ParamSpec.integer("keep_first", "").range(0, 10).withDefault(0),
            ParamSpec.integer("keep_last", "").range(0, 10).withDefault(0));
    final StubPlugins.Job raid = new StubPlugins.Job("raid", ParamSpec.integer("limit", "").atLeast(1));
    final StubPlugins.Job shuffle = new StubPlugins.Job("shuffle",
            ParamSpec.choice("write_mode", "", "replace", "reorder").withDefault("replace"));

    ShuffifyBuilder builder() {
        return Shuffify.builder().connector(music).autoDiscovery(false).clock(TestClock.standard());
    }

    static ScheduleDefinition daily(JobSpec spec) {
        return ScheduleDefinition.of(spec, Trigger.named("daily"));
    }

    static ValidationException rejected(Shuffify shuffify, JobSpec spec) {
        List<Schedule> before = shuffify.schedules().list("alice");
        try {
            shuffify.schedules().create("alice", daily(spec));
        } catch (ValidationException e) {
            assertThat(shuffify.schedules().list("alice")).as("nothing stored").isEqualTo(before);
            return e;
        }
        throw new AssertionError("expected " + spec + " to be rejected");
    }

    @Test
    void algorithmsAreFoundByNameOrAliasFromAJob() {
        List<Optional<ShuffleAlgorithm>> seen = new ArrayList<>();
        StubPlugins.Job probe = new StubPlugins.Job("probe", List.of(), c -> {
            seen.add(c.plugins().algorithm("balanced"));
            seen.add(c.plugins().algorithm("BalancedShuffle"));
            seen.add(c.plugins().algorithm("Balanced"));
            return JobResult.of(0, 0, 0);
        });
        music.createPlaylist("alice", "p1", "Mix", List.of());
        Shuffify shuffify = builder().jobType(probe).algorithm(balanced).build();
        Schedule s = shuffify.schedules().create("alice", daily(JobSpec.builder("probe").target("p1", "Mix").build()));
        shuffify.runs().runNow("alice", s.id());

        assertThat(seen.get(0)).containsSame(balanced);
        assertThat(seen.get(1)).containsSame(balanced);
        assertThat(seen.get(2)).as("names are case-sensitive").isEmpty();
    }

    @Test
    void anAliasIsAcceptedAtScheduleCreationAndItsParametersAreChecked() {
        Shuffify shuffify = builder().jobType(shuffle).algorithm(balanced).build();
        Schedule ok = shuffify.schedules().create("alice", daily(JobSpec.builder("shuffle").target("p1", "Mix")
                .algorithm("BalancedShuffle").algorithmParam("section_count", "6").build()));
        assertThat(ok.job().algorithm()).isEqualTo("BalancedShuffle");

        ValidationException e = rejected(shuffify, JobSpec.builder("shuffle").target("p1", "Mix")
                .algorithm("BalancedShuffle").algorithmParam("section_count", 12).build());
        assertThat(e.errors()).containsExactly(new FieldError("job.algorithmParams.section_count",
                "must be an integer 2..10, default 4, was 12"));
    }

    @Test
    void anAlgorithmsOwnCrossChecksArePrefixed() {
        Shuffify shuffify = builder().jobType(shuffle).algorithm(balanced).build();
        ValidationException e = rejected(shuffify, JobSpec.builder("shuffle").target("p1", "Mix")
                .algorithm("balanced").algorithmParam("keep_first", 6).algorithmParam("keep_last", 6).build());
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("job.algorithmParams.keep_last");
    }

    @Test
    void anUnknownAlgorithmListsTheKnownNames() {
        Shuffify shuffify = builder().jobType(shuffle).algorithm(balanced)
                .algorithm(new StubPlugins.Algorithm("basic", List.of())).build();
        ValidationException e = rejected(shuffify, JobSpec.builder("shuffle").target("p1", "Mix")
                .algorithm("chaos").build());
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("job.algorithm");
            assertThat(err.message()).contains("'chaos'").contains("known: balanced, basic");
        });
        Shuffify none = builder().jobType(shuffle).build();
        assertThat(rejected(none, JobSpec.builder("shuffle").target("p1", "Mix").algorithm("balanced").build())
                .getMessage()).contains("known: none. It is provided by dev.shuffify:shuffify-algorithms: add that "
                        + "dependency to the class path");
        assertThat(rejected(none, JobSpec.builder("shuffle").target("p1", "Mix").algorithm("chaos").build())
                .getMessage()).contains("known: none. Add the jar that provides it to the class path")
                .doesNotContain("shuffify-");
        assertThat(rejected(none, JobSpec.builder("shuffle").target("p1", "Mix").algorithmParam("x", 1).build())
                .errors()).extracting(FieldError::field).containsExactly("job.algorithmParams");
    }

    @Test
    void aliasesMayNotShadowAnotherAlgorithm() {
        ShuffleAlgorithm shadow = new StubPlugins.Algorithm("other", List.of("balanced"));
        assertThatThrownBy(() -> builder().algorithm(balanced).algorithm(shadow).build())
                .isInstanceOf(PluginException.class).hasMessageContaining("'balanced'")
                .hasMessageContaining(StubPlugins.Algorithm.class.getName());
        ShuffleAlgorithm sameAlias = new StubPlugins.Algorithm("mine", List.of("BalancedShuffle"));
        assertThatThrownBy(() -> builder().algorithm(balanced).algorithm(sameAlias).build())
                .isInstanceOf(PluginException.class).hasMessageContaining("algorithm alias")
                .hasMessageContaining("'BalancedShuffle'");
    }

    @Test
    void anAliasEqualToTheAlgorithmsOwnNameIsHarmless() {
        ShuffleAlgorithm selfAliased = new StubPlugins.Algorithm("basic", List.of("basic", "BasicShuffle"));
        Shuffify shuffify = builder().jobType(shuffle).algorithm(selfAliased).build();
        assertThat(shuffify.plugins().list()).extracting(PluginDescriptor::id).containsExactly("shuffle", "basic");
        shuffify.schedules().create("alice", daily(JobSpec.builder("shuffle").target("p1", "Mix")
                .algorithm("BasicShuffle").build()));
    }

    @Test
    void registeredPluginsAreListedAsRegistered() {
        Shuffify shuffify = builder().jobType(shuffle).algorithm(balanced)
                .discoveryStrategy(new StubPlugins.Strategy("playlist")).build();
        assertThat(shuffify.plugins().list()).extracting(PluginDescriptor::kind).containsExactly(
                PluginDescriptor.Kind.JOB_TYPE, PluginDescriptor.Kind.ALGORITHM,
                PluginDescriptor.Kind.DISCOVERY_STRATEGY);
        assertThat(shuffify.plugins().list()).extracting(PluginDescriptor::source).containsOnly("registered");
        assertThat(shuffify.plugins().list().get(1).parameters()).extracting(ParamSpec::name)
                .containsExactly("section_count", "keep_first", "keep_last");
        assertThat(shuffify.plugins().list().get(1).aliases()).containsExactly("BalancedShuffle");
    }

    @Test
    void coreNamesNoChainAndAChainIsListedOnlyWhenItsStepsExist() {
        assertThat(builder().jobType(raid).jobType(shuffle).jobType(new StubPlugins.Job("drip")).build().plugins().jobTypes())
                .containsExactlyInAnyOrder("drip", "raid", "shuffle");
        assertThat(builder().jobType(shuffle).chain("raid_and_shuffle", List.of("raid", "shuffle")).build()
                .plugins().jobTypes()).containsExactly("shuffle");
        assertThat(builder().jobType(raid).jobType(shuffle).chain("raid_and_shuffle", List.of("raid", "shuffle"))
                .build().plugins().jobTypes()).containsExactlyInAnyOrder("raid", "shuffle", "raid_and_shuffle");
    }

    @Test
    void aHostNamedChainIsListedAndNeedsTwoSteps() {
        Shuffify shuffify = builder().jobType(raid).jobType(shuffle)
                .chain("refresh", List.of("shuffle", "raid")).build();
        assertThat(shuffify.plugins().jobTypes()).contains("refresh");
        shuffify.schedules().create("alice", daily(JobSpec.builder("refresh").target("p1", "Mix").build()));
        assertThat(builder().jobType(raid).chain("lonely", List.of("raid", "nope")).build().plugins().jobTypes())
                .doesNotContain("lonely");
        assertThatThrownBy(() -> builder().chain("solo", List.of("raid"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("solo").hasMessageContaining("two steps");
    }

    @Test
    void aMissingBuiltInJobTypeNamesItsRealArtifactAndAThirdPartyOneNoInventedName() {
        Shuffify shuffify = builder().jobType(shuffle).build();
        assertThat(rejected(shuffify, JobSpec.builder("rotate").target("p1", "Mix").build()).errors())
                .singleElement().satisfies(err -> assertThat(err.message())
                        .contains("unknown job type 'rotate'")
                        .endsWith("It is provided by dev.shuffify:shuffify-executor-rotate: add that dependency to "
                                + "the class path."));
        assertThat(rejected(shuffify, JobSpec.builder("cap_length").target("p1", "Mix").build()).errors())
                .singleElement().satisfies(err -> assertThat(err.message())
                        .contains("unknown job type 'cap_length'")
                        .endsWith("Add the jar that provides it to the class path.")
                        .doesNotContain("shuffify-executor"));
        assertThat(rejected(shuffify, JobSpec.builder("raid_and_shuffle").target("p1", "Mix").build()).errors())
                .singleElement().satisfies(err -> assertThat(err.message())
                        .contains("unknown job type 'raid_and_shuffle'")
                        .contains("dev.shuffify:shuffify-executor-shuffle"));
        Shuffify chained = builder().jobType(shuffle).chain("raid_and_shuffle", List.of("raid", "shuffle")).build();
        assertThat(rejected(chained, JobSpec.builder("raid_and_shuffle").target("p1", "Mix").build()).errors())
                .singleElement().satisfies(err -> assertThat(err.message())
                        .contains("unknown job type 'raid' in 'raid_and_shuffle'")
                        .contains("dev.shuffify:shuffify-executor-raid"));
    }

    @Test
    void aPlusChainIsValidatedStepByStepWithTheUnionOfTheirParameters() {
        Shuffify shuffify = builder().jobType(raid).jobType(shuffle).build();
        Schedule s = shuffify.schedules().create("alice", daily(JobSpec.builder("raid+shuffle").target("p1", "Mix")
                .param("limit", 5).param("write_mode", "reorder").build()));
        assertThat(s.jobType()).isEqualTo("raid+shuffle");

        assertThat(rejected(shuffify, JobSpec.builder("raid+nope").target("p1", "Mix").build()).errors())
                .singleElement().satisfies(err -> {
                    assertThat(err.field()).isEqualTo("job.type");
                    assertThat(err.message()).contains("unknown job type 'nope' in 'raid+nope'")
                            .contains("raid, shuffle");
                });
        assertThat(rejected(shuffify, JobSpec.builder("raid+").target("p1", "Mix").build()).getMessage())
                .contains("job.type: 'raid+' has an empty step");
        assertThat(rejected(shuffify, JobSpec.builder("raid+shuffle").target("p1", "Mix")
                .param("limit", 0).param("write_mode", "sideways").param("colour", "red").build()).errors())
                .extracting(FieldError::field).containsExactlyInAnyOrder("job.params.colour", "job.params.limit",
                        "job.params.write_mode");
    }

    @Test
    void theTargetIsRequiredUnlessTheJobTypeSaysOtherwise() {
        StubPlugins.Job report = new StubPlugins.Job("report").withoutTarget();
        Shuffify shuffify = builder().jobType(shuffle).jobType(report).build();
        assertThat(rejected(shuffify, JobSpec.builder("shuffle").build()).errors()).containsExactly(
                new FieldError("job.target", "a target playlist is required for job type 'shuffle'"));
        assertThat(rejected(shuffify, JobSpec.builder("shuffle").target(" ", "Blank").build()).errors())
                .extracting(FieldError::field).containsExactly("job.target.id");
        assertThat(shuffify.schedules().create("alice", daily(JobSpec.builder("report").build())).job().target())
                .isNull();
        assertThat(rejected(shuffify, JobSpec.builder(" ").build()).errors()).singleElement()
                .satisfies(err -> assertThat(err.message()).contains("is required; known: report, shuffle"));
    }

    @Test
    void sourcesAreValidatedByTheirStrategiesWithIndexedFields() {
        Shuffify shuffify = builder().jobType(raid).discoveryStrategy(new StubPlugins.Strategy("playlist"))
                .discoveryStrategy(new StubPlugins.Strategy("liked")).build();
        ValidationException e = rejected(shuffify, JobSpec.builder("raid").target("p1", "Mix")
                .source(DiscoverySource.playlist("src1"))
                .source(DiscoverySource.of("radio", "x"))
                .source(new DiscoverySource("playlist", "src2", Map.of("limit", 99)))
                .source(DiscoverySource.of("playlist", " "))
                .build());
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("job.sources[1].strategy",
                "job.sources[2].params.limit", "job.sources[3].argument");
        assertThat(e.errors().get(0).message()).contains("'radio'").contains("known: liked, playlist");
        assertThat(e.errors().get(1).message()).contains("1..50");
        assertThat(rejected(builder().jobType(raid).build(), JobSpec.builder("raid").target("p1", "Mix")
                .source(DiscoverySource.playlist("x")).build()).getMessage())
                .contains("It is provided by dev.shuffify:shuffify-executor-raid: add that dependency");
        assertThat(e.errors().get(0).message()).contains("Add the jar that provides it to the class path")
                .doesNotContain("shuffify-");
    }

    @Test
    void anExecutorsOwnChecksArePrefixedWithJobAndCollectedWithTheRest() {
        StubPlugins.Job rotate = new StubPlugins.Job("rotate", ParamSpec.integer("rotation_count", "").atLeast(1))
                .validating(c -> {
                    if (c.spec().algorithm() != null) {
                        throw new ValidationException("algorithm", "rotate takes no algorithm");
                    }
                    assertThat(c.params().getInt("rotation_count", 5)).isPositive();
                    assertThat(c.plugins().algorithmNames()).containsExactly("balanced");
                });
        Shuffify shuffify = builder().jobType(rotate).algorithm(balanced).build();
        ValidationException e = rejected(shuffify, JobSpec.builder("rotate").target("p1", "Mix")
                .algorithm("balanced").param("rotation_count", "3").build());
        assertThat(e.errors()).containsExactly(new FieldError("job.algorithm", "rotate takes no algorithm"));
        ValidationException both = rejected(shuffify, JobSpec.builder("rotate").algorithm("nope")
                .param("rotation_count", 0).build());
        assertThat(both.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("job.target",
                "job.params.rotation_count", "job.algorithm");
    }

    @Test
    void aChainRegisteredByHandIsOfferedWhenItsStepsAreRegistered() {
        dev.shuffify.spi.JobChain chain = new dev.shuffify.spi.JobChain() {
            @Override
            public String name() {
                return "raid_then_shuffle";
            }

            @Override
            public String description() {
                return "raids, then shuffles";
            }

            @Override
            public List<Step> steps() {
                return List.of(Step.of("raid"), Step.of("shuffle"));
            }
        };
        try (Shuffify both = builder().jobType(raid).jobType(shuffle).jobChain(chain).build();
                Shuffify one = builder().jobType(shuffle).jobChain(chain).build()) {
            assertThat(both.plugins().jobTypes()).contains("raid_then_shuffle");
            assertThat(both.plugins().list()).filteredOn(p -> p.id().equals("raid_then_shuffle"))
                    .singleElement().satisfies(p -> assertThat(p.source()).isEqualTo("registered"));
            assertThat(one.plugins().jobTypes()).as("a chain needs all its steps").doesNotContain("raid_then_shuffle");
        }
        assertThatThrownBy(() -> builder().jobChain(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("chain");
    }
}
