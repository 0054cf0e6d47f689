package dev.xraytracing.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@link ConfigKey} table is the whole truth: the library reads no setting past it, every key in it is read, and
 * docs/configuration.md is what it generates. Scans the main sources of the library's modules (core, lambda-support, faults, otel);
 * the test kits ({@code testing} packages) save and restore the trace header property and are not configuration.
 */
class ConfigurationTableTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<Path> LIBRARY_SOURCES = List.of(
            ROOT.resolve("core/src/main/java"), ROOT.resolve("lambda-support/src/main/java"),
            ROOT.resolve("faults/src/main/java"), ROOT.resolve("otel/src/main/java"));
    private static final Pattern DIRECT_READ = Pattern.compile(
            "System\\s*\\.\\s*(getenv|getProperty|getProperties)\\s*\\(|Boolean\\s*\\.\\s*getBoolean\\s*\\(|"
                    + "Integer\\s*\\.\\s*getInteger\\s*\\(|Long\\s*\\.\\s*getLong\\s*\\(");
    private static final Path DOC = ROOT.resolve("docs/configuration.md");

    @Test
    void noCodeButConfigurationReadsSystemPropertiesOrEnvironmentVariables() {
        List<String> directReads = new ArrayList<>();
        for (Path source : librarySources()) {
            if (source.endsWith(Path.of("internal/config/Configuration.java")) || isTestKit(source)) {
                continue;
            }
            List<String> lines = read(source).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (DIRECT_READ.matcher(lines.get(i)).find()) {
                    directReads.add(ROOT.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertThat(directReads).as("settings read past the ConfigKey table").isEmpty();
    }

    @Test
    void everyKeyInTheTableIsRead() {
        StringBuilder readers = new StringBuilder();
        for (Path source : librarySources()) {
            String name = source.getFileName().toString();
            if (!name.equals("ConfigKey.java") && !name.equals("ConfigurationDoc.java")) {
                readers.append(read(source)).append('\n');
            }
        }
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(readers.toString()).as("a reader of ConfigKey." + key.name())
                    .containsPattern("ConfigKey\\s*\\.\\s*" + key.name() + "\\b");
        }
    }

    @Test
    void everyKeyHasAVariableADefaultAndAMeaning() {
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(key.environmentVariables()).as(key.name()).isNotEmpty()
                    .allSatisfy(variable -> assertThat(variable).matches("[A-Z_][A-Z0-9_]*"));
            assertThat(key.defaultValue()).as(key.name()).isNotBlank();
            assertThat(key.meaning()).as(key.name()).isNotBlank().doesNotContain("|").doesNotContain("\n");
        }
    }

    /** Run with -Dxraytracing.docs.write=true to rewrite the page after changing the table. */
    @Test
    void docsConfigurationMdIsWhatTheTableGenerates() throws IOException {
        String generated = ConfigurationDoc.markdown();
        if (Boolean.parseBoolean(System.getProperty("xraytracing.docs.write"))) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as(DOC + " exists").isTrue();
        assertThat(read(DOC)).as("docs/configuration.md is stale; regenerate it (see its first lines)")
                .isEqualTo(generated);
    }

    private static boolean isTestKit(Path source) {
        for (Path part : source) {
            if (part.toString().equals("testing")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> librarySources() {
        List<Path> sources = new ArrayList<>();
        for (Path directory : LIBRARY_SOURCES) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(sources).as("library sources").hasSizeGreaterThan(20);
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
