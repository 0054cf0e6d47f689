package dev.xraytracing.local.sample;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the sample project (src/test/resources/sample-project) the way a user's build would: compiles its handlers
 * and lays out its deployment package in build/package, classes at the root and every runtime jar under lib/ (the
 * xray-tracing modules, which the reactor has as folders, jarred). Lambda's runtime itself is not packaged.
 */
final class SampleProject {
    private static final List<String> NOT_PACKAGED = List.of("junit-", "assertj-", "opentest4j-", "apiguardian-",
            "aws-lambda-java-runtime-interface-client-");

    private SampleProject() {
    }

    /** Copies the project to {@code dir} and builds its package; without lambda-support when told to forget it. */
    static Path build(Path dir, boolean packageLambdaSupport) {
        try {
            Path source = Path.of(SampleProject.class.getResource("/sample-project/template.yaml").toURI()).getParent();
            Files.createDirectories(dir);
            Files.copy(source.resolve("template.yaml"), dir.resolve("template.yaml"));
            Path root = Files.createDirectories(dir.resolve("build/package"));
            Path lib = Files.createDirectories(root.resolve("lib"));
            compile(source.resolve("src/main/java"), root);
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry);
                String name = path.getFileName().toString();
                if (Files.isRegularFile(path) && name.endsWith(".jar")) {
                    boolean lambdaSupport = name.startsWith("xray-tracing-lambda-support");
                    if (NOT_PACKAGED.stream().noneMatch(name::startsWith) && !name.startsWith("xray-tracing-local")
                            && (packageLambdaSupport || !lambdaSupport)) {
                        link(path, lib.resolve(name));
                    }
                } else if (Files.isRegularFile(path.resolve("dev/xraytracing/Tracing.class"))) {
                    jar(path, lib.resolve("xray-tracing-core.jar"));
                } else if (Files.isRegularFile(path.resolve("dev/xraytracing/lambda/TracedRequestHandler.class"))
                        && packageLambdaSupport) {
                    jar(path, lib.resolve("xray-tracing-lambda-support.jar"));
                }
            }
            return dir.resolve("template.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void compile(Path sources, Path out) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "--release", "17",
                "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, System.err, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the sample project does not compile");
        }
    }

    private static void link(Path jar, Path target) throws IOException {
        try {
            Files.createLink(target, jar);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(jar, target);
        }
    }

    private static void jar(Path classes, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new ZipEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, zip);
                zip.closeEntry();
            }
        }
    }
}
