package dev.xraytracing.architecture;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The public API of a module as text: every public type outside {@code internal} packages, with its supertypes and
 * its public and protected members, one sorted line each. It is checked into {@code docs/api/<module>.txt} so that any
 * change to the API shows in review; the test comparing it says how to write it anew.
 */
public final class PublicApi {
    public static final String UPDATE_PROPERTY = "api.update";

    private PublicApi() {
    }

    public static String of(CompiledClasses module) {
        TreeSet<String> lines = new TreeSet<>();
        for (String name : module.references.keySet()) {
            if (name.contains(".internal.") || name.endsWith(".package-info")) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(name, false, PublicApi.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError unloadable) {
                throw new IllegalStateException("cannot load " + name, unloadable);
            }
            if (!isVisible(type)) {
                continue;
            }
            String typeName = type.getCanonicalName();
            lines.add(typeName + " : " + declaration(type));
            for (Field field : type.getDeclaredFields()) {
                if (isApi(field.getModifiers()) && !field.isSynthetic()) {
                    lines.add(typeName + " : " + field.toGenericString());
                }
            }
            List<Executable> members = new ArrayList<>(List.of(type.getDeclaredConstructors()));
            members.addAll(List.of(type.getDeclaredMethods()));
            for (Executable member : members) {
                if (isApi(member.getModifiers()) && !member.isSynthetic()
                        && !(member instanceof Method && ((Method) member).isBridge())) {
                    lines.add(typeName + " : " + member.toGenericString());
                }
            }
        }
        // Nested types read as they are written in code: Tracer.Builder, not Tracer$Builder.
        return String.join("\n", lines).replace('$', '.') + "\n";
    }

    /** Public, and nested only in public types; anonymous and local classes are never API. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getDeclaringClass()) {
            if (!Modifier.isPublic(current.getModifiers()) || current.isAnonymousClass() || current.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApi(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String declaration(Class<?> type) {
        StringBuilder text = new StringBuilder(kindWithSealing(type));
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
                && !type.isRecord()) {
            text.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        if (type.getGenericInterfaces().length > 0) {
            text.append(type.isInterface() ? " extends " : " implements ");
            List<String> names = new ArrayList<>();
            for (java.lang.reflect.Type implemented : type.getGenericInterfaces()) {
                names.add(implemented.getTypeName());
            }
            text.append(String.join(", ", names));
        }
        return text.toString();
    }

    /**
     * {@code toGenericString()} with sealing written the same on every JDK: JDK 17 leaves {@code sealed} out, later
     * JDKs print it (and {@code non-sealed}), so the listing would differ with the JDK that runs the test.
     */
    private static String kindWithSealing(Class<?> type) {
        String plain = type.toGenericString().replace("non-sealed ", "").replace("sealed ", "");
        if (!type.isSealed()) {
            return plain;
        }
        return plain.replaceFirst("(^|\\s)(interface|class) ", "$1sealed $2 ");
    }

    /**
     * Compares the module's API with {@code docs/api/<file>}; with {@code -Dapi.update=true} writes it instead.
     * Returns a message saying what differs, or null when they match.
     */
    public static String compare(String actual, String file, String module) throws IOException {
        Path checkedIn = Paths.get("..", "docs", "api", file).toAbsolutePath().normalize();
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(checkedIn.getParent());
            Files.writeString(checkedIn, actual, StandardCharsets.UTF_8);
            return null;
        }
        String expected = Files.exists(checkedIn) ? Files.readString(checkedIn, StandardCharsets.UTF_8) : "";
        if (expected.equals(actual)) {
            return null;
        }
        TreeSet<String> added = new TreeSet<>(actual.lines().toList());
        added.removeAll(expected.lines().toList());
        TreeSet<String> removed = new TreeSet<>(expected.lines().toList());
        removed.removeAll(actual.lines().toList());
        StringBuilder message = new StringBuilder("The public API of " + module + " differs from " + checkedIn
                + ".\nIf the change is deliberate, write the file anew and commit it:\n    mvn -B -q test -pl "
                + Paths.get("").toAbsolutePath().getFileName() // the Maven module whose test runs, e.g. test or local
                + " -am -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true\n");
        added.forEach(line -> message.append("+ ").append(line).append('\n'));
        removed.forEach(line -> message.append("- ").append(line).append('\n'));
        return message.toString();
    }
}
