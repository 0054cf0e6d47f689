package dev.xraytracing.filter;

/** A filter expression that does not parse: where it broke (0-based position, 1-based column) and what was expected. */
public final class InvalidFilterExpressionException extends IllegalArgumentException {
    private final String expression;
    private final int position;
    private final String expected;
    private final String found;

    InvalidFilterExpressionException(String expression, int position, String expected, String found) {
        super("invalid filter expression at column " + (position + 1) + ": expected " + expected + ", found " + found
                + "\n  " + expression + "\n  " + " ".repeat(Math.max(position, 0)) + "^");
        this.expression = expression;
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    public String expression() {
        return expression;
    }

    /** Offset of the offending character, from 0. */
    public int position() {
        return position;
    }

    public int column() {
        return position + 1;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
