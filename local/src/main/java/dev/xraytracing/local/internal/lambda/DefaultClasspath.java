package dev.xraytracing.local.internal.lambda;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath the functions' JVMs get unless told otherwise: the URLs of the context class loader where it is a
 * URLClassLoader (Maven's {@code exec:java} runs the project that way, with {@code java.class.path} being Maven's own
 * launcher), else {@code java.class.path}.
 */
public final class DefaultClasspath {
    private DefaultClasspath() {
    }

    public static String detect() {
        List<String> entries = new ArrayList<>();
        // Only the context loader itself: its parents may be Maven's own realms, which no function should see.
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                if ("file".equals(url.getProtocol())) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a plain file: skip
                    }
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path", "") : String.join(File.pathSeparator, entries);
    }
}
