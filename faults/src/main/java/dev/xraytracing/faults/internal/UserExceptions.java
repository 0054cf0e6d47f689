package dev.xraytracing.faults.internal;

import dev.xraytracing.internal.log.WarnOnce;

/** Builds the unchecked exception a rule names, with its message; a RuntimeException when the type cannot be built. */
final class UserExceptions {
    private UserExceptions() {
    }

    static RuntimeException of(Rule rule, WarnOnce warnings) {
        try {
            Class<?> type = Class.forName(rule.exceptionType, false, Thread.currentThread().getContextClassLoader());
            if (RuntimeException.class.isAssignableFrom(type)) {
                return (RuntimeException) type.getConstructor(String.class).newInstance(rule.message);
            }
            warnings.warn("faults:type:" + rule.id, "fault rule '" + rule.id + "' names " + rule.exceptionType
                    + ", which is no unchecked exception; a RuntimeException is thrown instead");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException failure) {
            warnings.warn("faults:type:" + rule.id, "fault rule '" + rule.id + "': cannot build a "
                    + rule.exceptionType + " with a message (" + RuleSources.oneLine(String.valueOf(failure))
                    + "); a RuntimeException is thrown instead");
        }
        return new RuntimeException(rule.message);
    }
}
