package dev.xraytracing.benchmarks.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the jars in a function's {@code lib/} cost before any class is read from them. The runtime interface client
 * puts the task root and then {@code lib/}'s jars, sorted by name, on one class loader; looking up a class in a jar
 * opens every jar before it (its central directory is read and hashed), whether a class is ever loaded from it or not.
 * Our jars sort last ({@code xray-tracing-*}), so the first lookup of one of our classes opens them all.
 *
 * <p>Run it as a fresh JVM per measurement, alternating the task roots, on one core:
 *
 * <pre>
 * for i in $(seq 20); do for root in /tmp/with /tmp/without; do
 *   taskset -c 1 java -cp benchmarks/target/classes dev.xraytracing.benchmarks.coldstart.JarOpening $root
 * done; done
 * </pre>
 *
 * <p>It prints the jar count and the milliseconds of the first lookup that passes every jar.
 */
public final class JarOpening {
    private JarOpening() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: JarOpening TASK_ROOT (an unpacked deployment zip)");
        }
        Path taskRoot = Path.of(args[0]);
        URL[] path = classPath(taskRoot);
        try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            long start = System.nanoTime();
            loader.getResource("dev/xraytracing/benchmarks/NoSuchClass.class");
            long end = System.nanoTime();
            System.out.printf("%s: %d jars, first lookup past all of them %.1f ms%n", taskRoot, path.length - 1,
                    (end - start) / 1e6);
        }
    }

    /** The task root, then lib/'s jars sorted by name, as the runtime interface client lays them out. */
    static URL[] classPath(Path taskRoot) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(taskRoot));
        Path lib = taskRoot.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                Path[] sorted = jars.filter(p -> p.getFileName().toString().endsWith(".jar")).toArray(Path[]::new);
                Arrays.sort(sorted);
                for (Path jar : sorted) {
                    urls.add(url(jar));
                }
            }
        }
        return urls.toArray(new URL[0]);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
