package dev.xraytracing.local.internal.lambda;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The classpath of a function's JVM: the user's, plus this module and the runtime client if it lacks them. */
public final class ChildClasspath {
    private ChildClasspath() {
    }

    public static String of(String userClasspath) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : userClasspath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        addLocationOf(ChildClasspath.class, entries);
        addLocationOf("com.amazonaws.services.lambda.runtime.api.client.AWSLambda", entries);
        addLocationOf("com.amazonaws.services.lambda.runtime.Context", entries);
        addLocationOf("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer", entries);
        addLocationOf("software.amazon.awssdk.utilslite.SdkInternalThreadLocal", entries);
        return String.join(File.pathSeparator, entries);
    }

    /**
     * What Lambda's Java runtime puts on the system classpath: the runtime client, aws-lambda-java-core and the
     * serialization library (and the utils-lite the client needs), plus this module for the pure-Java loop. The
     * function's own code is read from its task root by the client's class loader.
     */
    public static String runtimeOnly() {
        Set<String> entries = new LinkedHashSet<>();
        addLocationOf("com.amazonaws.services.lambda.runtime.api.client.AWSLambda", entries);
        addLocationOf("com.amazonaws.services.lambda.runtime.Context", entries);
        addLocationOf("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer", entries);
        addLocationOf("software.amazon.awssdk.utilslite.SdkInternalThreadLocal", entries);
        addLocationOf(ChildClasspath.class, entries);
        return String.join(File.pathSeparator, entries);
    }

    /** A task root's classpath in the runtime client's order: the root, then {@code lib/*.jar} sorted by name. */
    public static List<Path> ofTaskRoot(Path taskRoot) {
        List<Path> entries = new ArrayList<>();
        entries.add(taskRoot);
        File[] jars = taskRoot.resolve("lib").toFile().listFiles((dir, name) -> name.length() > 4
                && name.endsWith(".jar"));
        if (jars != null) {
            java.util.Arrays.stream(jars).map(File::getName).sorted()
                    .forEach(name -> entries.add(taskRoot.resolve("lib").resolve(name)));
        }
        return entries;
    }

    private static void addLocationOf(String className, Set<String> entries) {
        locationOf(className).ifPresent(location -> entries.add(location.toString()));
        // else not on our classpath either: the child reports the missing class itself
    }

    private static void addLocationOf(Class<?> type, Set<String> entries) {
        locationOf(type).ifPresent(location -> entries.add(location.toString()));
    }

    /** The jar or classes folder on this JVM's class path that holds {@code className}, if it is there. */
    public static Optional<Path> locationOf(String className) {
        try {
            return locationOf(Class.forName(className, false, ChildClasspath.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty(); // an unusual location (nested jar): leave it to the user's classpath
        }
    }
}
