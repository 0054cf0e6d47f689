package dev.xraytracing.local.internal.lambda;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.LocalRunException;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fails fast, in one line naming the handler and the fix, when a function's handler string cannot work with the code
 * its JVM will get: the class is missing, it is not a handler, or the method it names is not a public method of it.
 * Lambda itself reports a wrong method only at the first request; locally that is caught before any JVM starts.
 */
final class HandlerCheck {
    private static final List<String> HANDLER_INTERFACES = List.of(
            "com.amazonaws.services.lambda.runtime.RequestHandler",
            "com.amazonaws.services.lambda.runtime.RequestStreamHandler");

    private HandlerCheck() {
    }

    static void verify(LocalFunction function, String classpath) {
        String handler = function.handler();
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? null : handler.substring(separator + 2);
        try (URLClassLoader loader = new URLClassLoader(urls(classpath), ClassLoader.getPlatformClassLoader())) {
            if (loader.getResource(className.replace('.', '/') + ".class") == null) {
                throw new LocalRunException("handler class " + className + " of function " + function.name()
                        + " is not on the classpath" + inPackage(function, className));
            }
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return; // the runtime reports what is missing, in its own words
            }
            if (methodName == null && !implementsHandler(type)) {
                throw new LocalRunException("handler " + handler + " of function " + function.name() + " cannot "
                        + "work: " + className + " implements neither RequestHandler nor RequestStreamHandler; name "
                        + "its handler method (" + className + "::handleRequest) or implement one of them");
            }
            if (methodName != null && Arrays.stream(publicMethods(type)).noneMatch(m -> m.getName().equals(methodName))) {
                throw new LocalRunException("handler " + handler + " of function " + function.name() + " cannot "
                        + "work: " + className + " has no public method " + methodName + "; use " + className
                        + "::handleRequest or just " + className);
            }
        } catch (IOException e) {
            // closing the loader failed: nothing to report
        }
    }

    /** For a packaged function: which package lacks the class, and the nearest name it holds. */
    private static String inPackage(LocalFunction function, String className) {
        if (function.taskRoot().isEmpty()) {
            return "";
        }
        String nearest = NearestClass.to(className, ChildClasspath.ofTaskRoot(function.taskRoot().get()))
                .map(name -> "; did you mean " + name + "?").orElse("; nor is any class of a similar name");
        return ": its package " + function.deploymentPackage().orElseThrow() + " does not hold it" + nearest;
    }

    private static Method[] publicMethods(Class<?> type) {
        try {
            return type.getMethods();
        } catch (LinkageError e) {
            return new Method[0];
        }
    }

    private static boolean implementsHandler(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> implemented : c.getInterfaces()) {
                if (HANDLER_INTERFACES.contains(implemented.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static URL[] urls(String classpath) {
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
        return urls.toArray(URL[]::new);
    }
}
