package dev.xraytracing.hostile;

import dev.xraytracing.Sub;

/**
 * One generated input: what the traced body does with its handle, what it returns or throws, the (sub)segment name,
 * and whether the "survivor" annotation it always sets first is expected to arrive.
 */
final class HostileCase {
    /** What the body does with its handle before it returns or throws. */
    @FunctionalInterface
    interface Action {
        void apply(Sub sub) throws Exception;
    }

    final String family;
    final String description;
    final String name;
    final Action action;
    final Object result;
    final Throwable thrown;
    /** A Lambda trace header to use instead of a valid one (the headers family); null for a valid one. */
    final String header;
    final boolean survivorExpected;
    /** A value that must never appear in a document (unless the handler opted in to capturing its response). */
    final String secret;

    HostileCase(String family, String description, String name, Action action, Object result, Throwable thrown,
            String header, boolean survivorExpected) {
        this(family, description, name, action, result, thrown, header, survivorExpected, null);
    }

    HostileCase(String family, String description, String name, Action action, Object result, Throwable thrown,
            String header, boolean survivorExpected, String secret) {
        this.family = family;
        this.description = description;
        this.name = name;
        this.action = action;
        this.result = result;
        this.thrown = thrown;
        this.header = header;
        this.survivorExpected = survivorExpected;
        this.secret = secret;
    }

    /** The body as a traced call runs it: survivor first, then the hostile part, then the result or the throw. */
    Object run(Sub sub, String token) throws Throwable {
        sub.annotate("survivor", token);
        action.apply(sub);
        if (thrown != null) {
            throw thrown;
        }
        return result;
    }

    @Override
    public String toString() {
        return family + ": " + description;
    }
}
