package dev.shuffify.executor.raid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobChain;
import dev.shuffify.spi.JobExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleBoundaryTest {

    @ParameterizedTest
    @ValueSource(classes = {JobExecutor.class, DiscoveryStrategy.class, JobChain.class})
    void everyDeclaredProviderExistsImplementsItsInterfaceAndHasAPublicNoArgConstructor(Class<?> service)
            throws IOException, ReflectiveOperationException {
        List<String> declared;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/services/" + service.getName())) {
            assertThat(in).as("service file for " + service.getName()).isNotNull();
            declared = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        assertThat(declared).isNotEmpty().doesNotHaveDuplicates();
        for (String name : declared) {
            Class<?> type = Class.forName(name);
            assertThat(service.isAssignableFrom(type)).as(name + " implements " + service.getSimpleName()).isTrue();
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
        }
    }

    @Test
    void noMainClassUsesTheCoresInternalPackages() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(java).hasSizeGreaterThan(10);
            List<Path> offenders = java.stream().filter(p -> {
                try {
                    return Files.readString(p).contains("dev.shuffify.internal");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
