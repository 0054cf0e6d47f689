package dev.xraytracing.local.internal;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
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

    private static void addLocationOf(String className, Set<String> entries) {
        try {
            addLocationOf(Class.forName(className, false, ChildClasspath.class.getClassLoader()), entries);
        } catch (ClassNotFoundException e) {
            // Not on our classpath either: the child reports the missing class itself.
        }
    }

    private static void addLocationOf(Class<?> type, Set<String> entries) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return;
        }
        try {
            entries.add(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            // An unusual location (nested jar): leave it to the user's classpath.
        }
    }
}
