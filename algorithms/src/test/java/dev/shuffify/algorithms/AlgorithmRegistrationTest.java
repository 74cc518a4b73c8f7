package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.spi.ShuffleAlgorithm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AlgorithmRegistrationTest {
    private static final String SERVICES = "META-INF/services/" + ShuffleAlgorithm.class.getName();

    @Test
    void serviceLoaderFindsAllNineAlgorithmsByName() {
        List<String> names = ServiceLoader.load(ShuffleAlgorithm.class).stream()
                .map(p -> p.get().name()).toList();

        assertThat(names).containsExactlyInAnyOrder("basic", "percentage", "balanced", "stratified",
                "artist_spacing", "album_sequence", "newest_first", "artist_spread", "merge_shuffle");
    }

    @Test
    void everyAlgorithmHasADisplayNameOfItsOwnThatIsDistinct() {
        Map<String, String> names = ServiceLoader.load(ShuffleAlgorithm.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(ShuffleAlgorithm::name, ShuffleAlgorithm::displayName));
        assertThat(names).hasSize(9).containsEntry("artist_spacing", "Artist spacing")
                .containsEntry("balanced", "Balanced");
        assertThat(names.values()).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isNotBlank()
                .doesNotContain("_").matches("[A-Z].*"));
    }

    @Test
    void classStyleNamesOfTheOriginalWebAppAreAliases() {
        Map<String, List<String>> aliases = ServiceLoader.load(ShuffleAlgorithm.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(ShuffleAlgorithm::name, ShuffleAlgorithm::aliases));

        assertThat(aliases).containsExactlyInAnyOrderEntriesOf(Map.of(
                "basic", List.of("BasicShuffle"),
                "percentage", List.of("PercentageShuffle"),
                "balanced", List.of("BalancedShuffle"),
                "stratified", List.of("StratifiedShuffle"),
                "artist_spacing", List.of("ArtistSpacingShuffle"),
                "album_sequence", List.of("AlbumSequenceShuffle"),
                "newest_first", List.of("NewestFirstShuffle"),
                "artist_spread", List.of(),
                "merge_shuffle", List.of()));
    }

    @Test
    void everyDeclaredClassExistsIsPublicAndImplementsTheInterface() throws Exception {
        List<String> declared = declaredProviders();

        assertThat(declared).hasSize(9).doesNotHaveDuplicates();
        for (String className : declared) {
            Class<?> type = Class.forName(className);
            assertThat(ShuffleAlgorithm.class).as(className).isAssignableFrom(type);
            assertThat(Modifier.isPublic(type.getModifiers())).as(className + " is public").isTrue();
            Constructor<?> constructor = type.getConstructor();
            assertThat(Modifier.isPublic(constructor.getModifiers())).as(className + "()").isTrue();
        }
    }

    @Test
    void everyAlgorithmDescribesItselfAndItsParameters() {
        for (ShuffleAlgorithm algorithm : Algorithms.ALL) {
            assertThat(algorithm.description()).as(algorithm.name()).isNotBlank();
            algorithm.parameters().forEach(spec -> {
                assertThat(spec.description()).as(algorithm.name() + "." + spec.name()).isNotBlank();
                assertThat(spec.defaultValue()).as(algorithm.name() + "." + spec.name()).isNotNull();
            });
        }
    }

    private static List<String> declaredProviders() throws IOException {
        try (InputStream in = AlgorithmRegistrationTest.class.getClassLoader().getResourceAsStream(SERVICES)) {
            assertThat(in).as(SERVICES).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }
}
