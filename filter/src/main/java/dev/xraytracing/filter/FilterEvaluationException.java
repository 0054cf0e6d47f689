package dev.xraytracing.filter;

/**
 * A valid filter expression that could not be evaluated on a trace (a trace the engine cannot read, or a fault of
 * the engine). Thrown instead of answering "no match", so that no trace disappears from a selection unexplained.
 */
public final class FilterEvaluationException extends IllegalStateException {
    private final String expression;
    private final String traceId;

    FilterEvaluationException(String expression, String traceId, String reason) {
        super("filter expression " + expression + " could not be evaluated: " + reason);
        this.expression = expression;
        this.traceId = traceId;
    }

    public String expression() {
        return expression;
    }

    /** The id of the trace it failed on, or null where the trace has none. */
    public String traceId() {
        return traceId;
    }
}
