package dev.xraytracing.local.internal;

import dev.xraytracing.local.LocalFunction;
import dev.xraytracing.local.LocalRunException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/** Fails fast, in one line, when a function's handler class is not on the classpath its JVM will get. */
final class HandlerCheck {
    private HandlerCheck() {
    }

    static void verify(List<LocalFunction> functions, String classpath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    urls.add(new File(entry).toURI().toURL());
                } catch (MalformedURLException e) {
                    // skip an entry no JVM could use either
                }
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            for (LocalFunction function : functions) {
                String className = function.handler().split("::")[0];
                if (loader.getResource(className.replace('.', '/') + ".class") == null) {
                    throw new LocalRunException("handler class " + className + " of function " + function.name()
                            + " is not on the classpath");
                }
            }
        } catch (IOException e) {
            // closing the loader failed: nothing to report
        }
    }
}
