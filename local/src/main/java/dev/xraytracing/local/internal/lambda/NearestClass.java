package dev.xraytracing.local.internal.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class of a deployment package whose name is nearest a handler class that is not in it: the same simple name in
 * another package first, else the simple name fewest edits away (a typo, a missing "s"); nothing when none is close.
 */
final class NearestClass {
    private NearestClass() {
    }

    /** The nearest top-level class in {@code entries} (folders and jars, as a task root's classpath). */
    static Optional<String> to(String className, List<Path> entries) {
        String simple = simpleName(className);
        int allowed = Math.max(2, simple.length() / 3);
        return classesIn(entries).stream()
                .filter(c -> distance(lower(simple), lower(simpleName(c))) <= allowed)
                .min(Comparator.<String>comparingInt(c -> distance(simple, simpleName(c)))
                        .thenComparingInt(c -> distance(className, c)));
    }

    private static List<String> classesIn(List<Path> entries) {
        List<String> names = new ArrayList<>();
        for (Path entry : entries) {
            try {
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> files = Files.walk(entry)) {
                        files.map(f -> entry.relativize(f).toString().replace('\\', '/')).forEach(n -> add(n, names));
                    }
                } else if (Files.isRegularFile(entry)) {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        jar.stream().forEach(e -> add(e.getName(), names));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // an unreadable entry offers no names; the check's own message still stands
            }
        }
        return names;
    }

    private static void add(String path, List<String> names) {
        if (path.endsWith(".class") && !path.contains("$") && !path.endsWith("-info.class")
                && !path.startsWith("META-INF/")) {
            names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
