package dev.shuffify;

import dev.shuffify.spi.JobExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars at test time: {@link #compile} compiles Java sources against the core's classes with the
 * system compiler (once, since the compiler is slow to start); a builder then packs chosen classes with their
 * {@code META-INF/services} declarations into a jar.
 */
final class PluginJar {
    private final Path classes;
    private final List<String> classNames = new ArrayList<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private String pomProperties;
    private String pomPath;

    private PluginJar(Path classes) {
        this.classes = classes;
    }

    /** A jar of classes taken from {@code classes} (the output of {@link #compile}). */
    static PluginJar from(Path classes) {
        return new PluginJar(classes);
    }

    /** Adds compiled classes (nested classes come along); names are fully qualified. */
    PluginJar classes(String... names) {
        classNames.addAll(List.of(names));
        return this;
    }

    /** Declares providers of an SPI interface, in order (the classes need not exist). */
    PluginJar service(Class<?> spi, String... classNames) {
        services.computeIfAbsent(spi.getName(), k -> new ArrayList<>()).addAll(List.of(classNames));
        return this;
    }

    /** Records Maven coordinates in the jar, as Maven does in every jar it builds. */
    PluginJar mavenCoordinates(String groupId, String artifactId, String version) {
        pomPath = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        pomProperties = "artifactId=" + artifactId + "\ngroupId=" + groupId + "\nversion=" + version + "\n";
        return this;
    }

    /** Writes {@code dir/jarName}. */
    Path build(Path dir, String jarName) {
        try {
            Path jar = dir.resolve(jarName);
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, manifest);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).filter(this::selected).sorted().toList()) {
                    jos.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    jos.write(Files.readAllBytes(file));
                    jos.closeEntry();
                }
                if (pomPath != null) {
                    jos.putNextEntry(new JarEntry(pomPath));
                    jos.write(pomProperties.getBytes(StandardCharsets.UTF_8));
                    jos.closeEntry();
                }
                for (Map.Entry<String, List<String>> e : services.entrySet()) {
                    jos.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
                    jos.write((String.join("\n", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                    jos.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean selected(Path file) {
        String name = classes.relativize(file).toString().replace('\\', '/');
        return classNames.stream().map(c -> c.replace('.', '/')).anyMatch(c -> name.equals(c + ".class")
                || name.startsWith(c + "$"));
    }

    /**
     * Compiles sources (class name → code) into a new folder under {@code dir}.
     *
     * @return the folder of class files
     */
    static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path classes = Files.createTempDirectory(dir, "classes");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("tests need a JDK (no system Java compiler found)");
        }
        Path src = Files.createTempDirectory(classes.getParent(), "src");
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-classpath", coreClassPath(),
                    "-d", classes.toString());
            boolean ok = compiler.getTask(null, fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                StringBuilder sb = new StringBuilder("plugin sources did not compile:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    sb.append('\n').append(d);
                }
                throw new IllegalStateException(sb.toString());
            }
        }
        return classes;
    }

    private static String coreClassPath() {
        try {
            return Path.of(JobExecutor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
