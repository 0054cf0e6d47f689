package dev.xraytracing.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles as written, against the artifacts a user adds
 * (core, lambda-support, the test kit, faults, local) and with no import but its own: a moved class or a missing
 * import fails here, naming the file and line.
 */
class ReadmeJavaSnippetsCompileTest {
    private static final Path PROJECT = Path.of("..");

    @TempDir
    Path sources;

    static List<JavaSnippet> snippets() throws IOException {
        List<Path> files = new ArrayList<>(List.of(PROJECT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<JavaSnippet> snippets = new ArrayList<>();
        for (Path file : files) {
            String name = PROJECT.relativize(file).toString().replace('\\', '/');
            snippets.addAll(JavaSnippet.in(name, Files.readString(file, StandardCharsets.UTF_8)));
        }
        return snippets;
    }

    @Test
    void every_java_snippet_of_the_readme_and_the_docs_compiles_as_written() throws IOException {
        List<JavaSnippet> snippets = snippets();
        List<Path> files = new ArrayList<>();
        for (JavaSnippet snippet : snippets) {
            Path file = sources.resolve(snippet.packageName().replace('.', '/')).resolve(snippet.fileName());
            Files.createDirectories(file.getParent());
            files.add(Files.writeString(file, snippet.source()));
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none",
                    "-d", Files.createDirectories(sources.resolve("classes")).toString(),
                    "-cp", System.getProperty("java.class.path"));
            javac.getTask(null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromPaths(files))
                    .call();
        }

        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> where(d, snippets, files) + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
        assertThat(errors).as("snippets that do not compile as written").isEmpty();
    }

    @Test
    void every_java_snippet_shows_its_imports() throws IOException {
        assertThat(snippets()).hasSizeGreaterThan(15)
                .allSatisfy(snippet -> assertThat(snippet.imports()).as(snippet.toString()).isNotEmpty());
    }

    private static String where(Diagnostic<? extends JavaFileObject> diagnostic, List<JavaSnippet> snippets,
            List<Path> files) {
        if (diagnostic.getSource() == null) {
            return "javac";
        }
        Path source = Path.of(diagnostic.getSource().toUri());
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).toAbsolutePath().equals(source.toAbsolutePath())) {
                JavaSnippet snippet = snippets.get(i);
                return snippet.file() + " line " + snippet.markdownLine(diagnostic.getLineNumber())
                        + " (snippet at line " + snippet.line() + ")";
            }
        }
        return source.toString();
    }
}
