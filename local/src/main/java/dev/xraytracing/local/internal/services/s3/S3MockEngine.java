package dev.xraytracing.local.internal.services.s3;

import dev.xraytracing.local.internal.services.EngineProcess;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adobe's S3Mock, its executable jar ({@code com.adobe.testing:s3mock:exec}, a dependency of this module) run with
 * this JVM's {@code java}: plain HTTP on 127.0.0.1, objects kept in a folder of the run's own. {@link #JAR_PROPERTY}
 * names another jar.
 */
final class S3MockEngine {
    static final String JAR_PROPERTY = "xraytracing.local.s3mock";
    /** A class only the executable jar holds, where Spring Boot's loader finds it. */
    private static final String MARKER = "BOOT-INF/classes/com/adobe/testing/s3mock/S3MockApplication.class";

    private S3MockEngine() {
    }

    /** The executable jar: the one {@link #JAR_PROPERTY} names, else the one on this class path. */
    static Optional<Path> jar() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        URL marker = S3MockEngine.class.getClassLoader().getResource(MARKER);
        if (marker != null && marker.getProtocol().equals("jar")) {
            String file = marker.getPath().substring(0, marker.getPath().indexOf("!/"));
            try {
                return Optional.of(Path.of(new URI(file)));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // fall back to the class path's entries
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName() == null ? "" : Path.of(entry).getFileName().toString();
            if (name.startsWith("s3mock-") && name.endsWith("-exec.jar")) {
                return Optional.of(Path.of(entry));
            }
        }
        return Optional.empty();
    }

    static EngineProcess start(Path jar, Path root, List<String> buckets, String region) {
        return EngineProcess.startOnFreePort("S3Mock", port -> command(jar, port, root, buckets, region));
    }

    private static List<String> command(Path jar, int port, Path root, List<String> buckets, String region) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived test server: the quick JIT tier and the serial collector start it sooner.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-jar", jar.toString(),
                // The main connector, on 127.0.0.1 and without TLS, is the one the front talks to.
                "--server.port=" + port, "--server.address=127.0.0.1", "--server.ssl.enabled=false",
                // S3Mock always adds a second, plain HTTP connector (on every interface): a free port keeps it
                // out of the way.
                "--com.adobe.testing.s3mock.httpPort=0",
                "--com.adobe.testing.s3mock.region=" + region,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.retainFilesOnExit=false",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        if (!buckets.isEmpty()) {
            command.add("--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets));
        }
        return command;
    }
}
