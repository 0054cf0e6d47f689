package dev.xraytracing.local.internal.explore;

/**
 * A place the baseline reached where a fault can be injected: an SDK call site ({@code sdk:Lambda.Invoke}), a named
 * block ({@code block:CallSecondLambda}) or the handler, each in one function, or the Lambda service's invocation of a
 * function ({@code invoke}).
 */
public record FaultPoint(Kind kind, String function, String target) implements Comparable<FaultPoint> {
    /** What kind of place it is; the order is the report's. */
    public enum Kind { INVOCATION, HANDLER, BLOCK, SDK }

    public static FaultPoint sdk(String function, String service, String operation) {
        return new FaultPoint(Kind.SDK, function, "sdk:" + service + "." + operation);
    }

    public static FaultPoint block(String function, String name) {
        return new FaultPoint(Kind.BLOCK, function, "block:" + name);
    }

    public static FaultPoint handler(String function) {
        return new FaultPoint(Kind.HANDLER, function, "handler");
    }

    public static FaultPoint invocation(String function) {
        return new FaultPoint(Kind.INVOCATION, function, "invoke");
    }

    /** {@code MyFirstLambda sdk:Lambda.Invoke}. */
    public String label() {
        return function + " " + target;
    }

    /** The service of an SDK call site ({@code Lambda}), null for other kinds. */
    String service() {
        return kind == Kind.SDK ? target.substring(4, target.indexOf('.')) : null;
    }

    @Override
    public int compareTo(FaultPoint other) {
        int byFunction = function.compareTo(other.function);
        if (byFunction != 0) {
            return byFunction;
        }
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : target.compareTo(other.target);
    }

    @Override
    public String toString() {
        return label();
    }
}
