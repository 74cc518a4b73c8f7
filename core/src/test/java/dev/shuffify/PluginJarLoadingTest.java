package dev.shuffify;

import dev.shuffify.error.PluginException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.spi.PluginDescriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ParamType;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.testing.TestClock;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin jars compiled and packed at test time, loaded through a fresh class loader. */
class PluginJarLoadingTest {

    static final String DEDUPE = """
            package acme.dedupe;

            import dev.shuffify.model.JobResult;
            import dev.shuffify.spi.JobContext;
            import dev.shuffify.spi.JobExecutor;
            import dev.shuffify.spi.ParamSpec;
            import java.util.ArrayList;
            import java.util.Collections;
            import java.util.LinkedHashSet;
            import java.util.List;

            public final class DedupeJob implements JobExecutor {
                public String type() { return "dedupe"; }
                public String description() { return "Removes duplicate tracks."; }
                public List<ParamSpec> parameters() {
                    return List.of(ParamSpec.choice("keep", "Which copy stays", "first", "last").withDefault("first"));
                }
                public JobResult execute(JobContext context) {
                    String id = context.spec().target().id();
                    List<String> uris = new ArrayList<>(context.playlists().playlist(id).uris());
                    boolean last = context.params().getString("keep", "first").equals("last");
                    if (last) Collections.reverse(uris);
                    List<String> kept = new ArrayList<>(new LinkedHashSet<>(uris));
                    if (last) Collections.reverse(kept);
                    int removed = uris.size() - kept.size();
                    if (removed > 0) context.playlists().replaceAll(id, kept);
                    return JobResult.of(0, removed, kept.size());
                }
            }
            """;

    static final String REVERSE_ALGORITHM = """
            package acme.dedupe;

            import dev.shuffify.model.Track;
            import dev.shuffify.spi.ParamSpec;
            import dev.shuffify.spi.ShuffleAlgorithm;
            import dev.shuffify.spi.ShuffleRequest;
            import java.util.ArrayList;
            import java.util.Collections;
            import java.util.List;

            public final class ReverseOrder implements ShuffleAlgorithm {
                public String name() { return "reverse_order"; }
                public List<String> aliases() { return List.of("ReverseOrder"); }
                public String description() { return "Plays the playlist backwards."; }
                public List<ParamSpec> parameters() { return List.of(); }
                public List<Track> shuffle(ShuffleRequest request) {
                    List<Track> out = new ArrayList<>(request.tracks());
                    Collections.reverse(out);
                    return out;
                }
            }
            """;

    static final String FIXED_STRATEGY = """
            package acme.dedupe;

            import dev.shuffify.model.Track;
            import dev.shuffify.spi.DiscoveryRequest;
            import dev.shuffify.spi.DiscoveryStrategy;
            import dev.shuffify.spi.ParamSpec;
            import java.util.List;

            public final class FixedTracks implements DiscoveryStrategy {
                public String id() { return "fixed"; }
                public String description() { return "Always the same track."; }
                public List<ParamSpec> parameters() { return List.of(ParamSpec.integer("copies", "").range(1, 3)); }
                public List<Track> discover(DiscoveryRequest request) {
                    return List.of(Track.ofUri("spotify:track:fixed"));
                }
            }
            """;

    static String job(String pkg, String simpleName, String type, String constructorBody) {
        return """
                package %s;

                import dev.shuffify.model.JobResult;
                import dev.shuffify.spi.JobContext;
                import dev.shuffify.spi.JobExecutor;
                import dev.shuffify.spi.ParamSpec;
                import java.util.List;

                public final class %s implements JobExecutor {
                    public %s() { %s }
                    public String type() { return "%s"; }
                    public String description() { return "test job %s"; }
                    public List<ParamSpec> parameters() { return List.of(); }
                    public JobResult execute(JobContext context) { return JobResult.of(0, 0, 0); }
                }
                """.formatted(pkg, simpleName, simpleName, constructorBody, type, type);
    }

    @TempDir
    Path dir;

    @TempDir
    static Path shared;

    static Path classes;
    static Path dedupeJar;

    @BeforeAll
    static void compilePlugins() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("acme.dedupe.DedupeJob", DEDUPE);
        sources.put("acme.dedupe.ReverseOrder", REVERSE_ALGORITHM);
        sources.put("acme.dedupe.FixedTracks", FIXED_STRATEGY);
        sources.put("one.Dup", job("one", "Dup", "dedupe", ""));
        sources.put("two.Dup", job("two", "Dup", "dedupe", ""));
        sources.put("bad.Broken", job("bad", "Broken", "broken", "throw new IllegalStateException(\"no config\");"));
        sources.put("bad.Fine", job("bad", "Fine", "fine", ""));
        sources.put("ok.NotAJob", "package ok; public final class NotAJob {}");
        sources.put("ids.Upper", job("ids", "Upper", "Dedupe-Job", ""));
        sources.put("ids.Blank", job("ids", "Blank", " ", ""));
        classes = PluginJar.compile(shared, sources);
        dedupeJar = PluginJar.from(classes)
                .classes("acme.dedupe.DedupeJob", "acme.dedupe.ReverseOrder", "acme.dedupe.FixedTracks")
                .service(JobExecutor.class, "acme.dedupe.DedupeJob")
                .service(ShuffleAlgorithm.class, "acme.dedupe.ReverseOrder")
                .service(DiscoveryStrategy.class, "acme.dedupe.FixedTracks")
                .mavenCoordinates("com.acme", "acme-dedupe", "1.2.0")
                .build(shared, "acme-dedupe.jar");
    }

    final TestClock clock = TestClock.standard();
    final InMemoryPlaylistService music = new InMemoryPlaylistService(clock);

    static URLClassLoader loaderOf(Path... jars) {
        URL[] urls = Stream.of(jars).map(p -> {
            try {
                return p.toUri().toURL();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
        return new URLClassLoader(urls, PluginJarLoadingTest.class.getClassLoader());
    }

    ShuffifyBuilder facade(ClassLoader loader) {
        return Shuffify.builder().connector(music).clock(clock).classLoader(loader);
    }

    @Test
    void aJarOnTheClassLoaderIsListedWithIdDescriptionParametersAndSource() throws IOException {
        Path jar = dedupeJar;
        try (URLClassLoader loader = loaderOf(jar)) {
            Shuffify shuffify = facade(loader).build();

            assertThat(shuffify.plugins().list()).extracting(PluginDescriptor::kind, PluginDescriptor::id)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(PluginDescriptor.Kind.JOB_TYPE, "dedupe"),
                            org.assertj.core.groups.Tuple.tuple(PluginDescriptor.Kind.ALGORITHM, "reverse_order"),
                            org.assertj.core.groups.Tuple.tuple(PluginDescriptor.Kind.DISCOVERY_STRATEGY, "fixed"));
            PluginDescriptor job = shuffify.plugins().list().get(0);
            assertThat(job.description()).isEqualTo("Removes duplicate tracks.");
            assertThat(job.className()).isEqualTo("acme.dedupe.DedupeJob");
            assertThat(job.source()).startsWith("file:").endsWith("acme-dedupe.jar");
            assertThat(job.artifact()).isEqualTo("com.acme:acme-dedupe:1.2.0");
            assertThat(Path.of(java.net.URI.create(job.source()))).isEqualTo(jar);
            assertThat(job.parameters()).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("keep");
                assertThat(p.type()).isEqualTo(ParamType.ENUM);
                assertThat(p.allowedValues()).containsExactly("first", "last");
                assertThat(p.defaultValue()).isEqualTo("first");
            });
            assertThat(shuffify.plugins().list().get(1).aliases()).containsExactly("ReverseOrder");
            assertThat(shuffify.plugins().list().get(2).parameters()).extracting(ParamSpec::name).containsExactly("copies");
            assertThat(shuffify.plugins().jobTypes()).containsExactly("dedupe");
        }
    }

    @Test
    void aScheduleOfTheLoadedJobTypeRunsThroughTheFacade() throws IOException {
        List<Track> items = Stream.of("a", "b", "a", "c", "b").map(s -> Track.ofUri("spotify:track:" + s)).toList();
        music.createPlaylist("alice", "p1", "Mix", items);
        try (URLClassLoader loader = loaderOf(dedupeJar)) {
            Shuffify shuffify = facade(loader).build();
            Schedule keepLast = shuffify.schedules().create("alice", ScheduleDefinition.of(JobSpec.builder("dedupe")
                    .target("p1", "Mix").param("keep", "LAST").build(), Trigger.named("daily")));
            assertThat(keepLast.job().params()).containsEntry("keep", "LAST");

            Execution done = shuffify.runs().runNow("alice", keepLast.id());

            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(done.tracksRemoved()).isEqualTo(2);
            assertThat(done.tracksTotal()).isEqualTo(3);
            assertThat(music.uris("p1")).containsExactly("spotify:track:a", "spotify:track:c", "spotify:track:b");
            assertThat(shuffify.runs().history("alice", keepLast.id(), 5)).extracting(Execution::id).containsExactly(done.id());
            assertThat(shuffify.snapshots().list("alice", "p1")).singleElement()
                    .satisfies(s -> assertThat(s.uris()).hasSize(5));

            assertThatThrownBy(() -> shuffify.schedules().create("alice", ScheduleDefinition.of(JobSpec.builder("dedupe")
                    .target("p1", "Mix").param("keep", "middle").build(), Trigger.named("daily"))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("job.params.keep")
                    .hasMessageContaining("one of first, last");
        }
    }

    @Test
    void withoutTheJarTheJobTypeIsRejectedAtScheduleCreation() throws IOException {
        try (URLClassLoader empty = loaderOf()) {
            Shuffify shuffify = facade(empty).build();
            assertThat(shuffify.plugins().list()).isEmpty();
            assertThatThrownBy(() -> shuffify.schedules().create("alice", ScheduleDefinition.of(
                    JobSpec.builder("dedupe").target("p1", "Mix").build(), Trigger.named("daily"))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.errors()).singleElement().satisfies(err -> {
                            assertThat(err.field()).isEqualTo("job.type");
                            assertThat(err.message()).contains("unknown job type 'dedupe'")
                                    .contains("no job type plugin on the class path")
                                    .endsWith("Add the jar that provides it to the class path.")
                                    .doesNotContain("shuffify-");
                        });
                    });
            assertThat(shuffify.schedules().list("alice")).isEmpty();
        }
    }

    @Test
    void theContextClassLoaderIsSearchedByDefault() throws IOException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = loaderOf(dedupeJar)) {
            Thread.currentThread().setContextClassLoader(loader);
            Shuffify shuffify = Shuffify.builder().connector(music).build();
            assertThat(shuffify.plugins().jobTypes()).contains("dedupe");
            Shuffify manual = Shuffify.builder().connector(music).autoDiscovery(false).build();
            assertThat(manual.plugins().list()).isEmpty();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void twoJarsWithOneIdFailNamingBothClassesAndBothJars() throws IOException {
        Path first = PluginJar.from(classes).classes("one.Dup")
                .service(JobExecutor.class, "one.Dup").build(dir, "first-plugin.jar");
        Path second = PluginJar.from(classes).classes("two.Dup")
                .service(JobExecutor.class, "two.Dup").build(dir, "second-plugin.jar");
        try (URLClassLoader loader = loaderOf(first, second)) {
            assertThatThrownBy(() -> facade(loader).build()).isInstanceOf(PluginException.class)
                    .hasMessageContaining("'dedupe'")
                    .hasMessageContaining("one.Dup").hasMessageContaining("first-plugin.jar")
                    .hasMessageContaining("two.Dup").hasMessageContaining("second-plugin.jar")
                    .hasMessageContaining("remove one of the jars");
            assertThatThrownBy(() -> facade(loader).lenientPluginLoading(true).build())
                    .as("a duplicate is never skipped silently").isInstanceOf(PluginException.class);
        }
    }

    @Test
    void aDiscoveredPluginClashingWithARegisteredOneNamesBoth() throws IOException {
        try (URLClassLoader loader = loaderOf(dedupeJar)) {
            JobExecutor registered = new JobExecutor() {
                @Override
                public String type() {
                    return "dedupe";
                }

                @Override
                public String description() {
                    return "mine";
                }

                @Override
                public List<ParamSpec> parameters() {
                    return List.of();
                }

                @Override
                public dev.shuffify.model.JobResult execute(dev.shuffify.spi.JobContext context) {
                    return dev.shuffify.model.JobResult.of(0, 0, 0);
                }
            };
            assertThatThrownBy(() -> facade(loader).jobType(registered).build()).isInstanceOf(PluginException.class)
                    .hasMessageContaining("registered").hasMessageContaining("acme-dedupe.jar")
                    .hasMessageContaining("acme.dedupe.DedupeJob");
        }
    }

    @Test
    void aProviderWhoseConstructorThrowsIsNamedOrSkippedWhenLenient() throws IOException {
        Path jar = PluginJar.from(classes).classes("bad.Broken", "bad.Fine")
                .service(JobExecutor.class, "bad.Broken", "bad.Fine").build(dir, "bad-plugin.jar");
        try (URLClassLoader loader = loaderOf(jar, dedupeJar)) {
            assertThatThrownBy(() -> facade(loader).build()).isInstanceOf(PluginException.class)
                    .hasMessageContaining("bad.Broken").hasMessageContaining("could not be instantiated")
                    .hasMessageContaining("no config").hasMessageContaining("lenientPluginLoading(true)");

            Shuffify lenient = facade(loader).lenientPluginLoading(true).build();
            assertThat(lenient.plugins().jobTypes()).containsExactly("dedupe", "fine");
            assertThat(lenient.plugins().list()).extracting(PluginDescriptor::className).doesNotContain("bad.Broken");
        }
    }

    @Test
    void aServicesFileNamingAMissingClassIsAClearError() throws IOException {
        Path jar = PluginJar.from(classes).classes("bad.Fine")
                .service(JobExecutor.class, "ok.Missing", "bad.Fine").build(dir, "missing-plugin.jar");
        try (URLClassLoader loader = loaderOf(jar)) {
            assertThatThrownBy(() -> facade(loader).build()).isInstanceOf(PluginException.class)
                    .hasMessageContaining("JobExecutor provider failed to load")
                    .hasMessageContaining("ok.Missing").hasMessageContaining("not found");
            assertThat(facade(loader).lenientPluginLoading(true).build().plugins().jobTypes()).containsExactly("fine");
        }
    }

    @Test
    void aServicesFileNamingAClassOfTheWrongTypeIsAClearError() throws IOException {
        Path jar = PluginJar.from(classes).classes("ok.NotAJob")
                .service(JobExecutor.class, "ok.NotAJob").build(dir, "wrong-plugin.jar");
        try (URLClassLoader loader = loaderOf(jar)) {
            assertThatThrownBy(() -> facade(loader).build()).isInstanceOf(PluginException.class)
                    .hasMessageContaining("ok.NotAJob").hasMessageContaining("not a subtype");
        }
    }

    @Test
    void malformedAndBlankIdsAreRejectedNamingTheClassAndJar() throws IOException {
        Path upper = PluginJar.from(classes).classes("ids.Upper")
                .service(JobExecutor.class, "ids.Upper").build(dir, "upper.jar");
        Path blank = PluginJar.from(classes).classes("ids.Blank")
                .service(JobExecutor.class, "ids.Blank").build(dir, "blank.jar");
        try (URLClassLoader upperLoader = loaderOf(upper); URLClassLoader blankLoader = loaderOf(blank)) {
            assertThatThrownBy(() -> facade(upperLoader).build()).isInstanceOf(PluginException.class)
                    .hasMessageContaining("ids.Upper").hasMessageContaining("upper.jar")
                    .hasMessageContaining("'Dedupe-Job'").hasMessageContaining("lower-case letters");
            assertThatThrownBy(() -> facade(blankLoader).build()).isInstanceOf(PluginException.class)
                    .hasMessageContaining("ids.Blank").hasMessageContaining("blank id");
        }
    }
}
