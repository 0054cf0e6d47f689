package dev.xraytracing.trace;

/** One frame of a recorded exception's stack: source file, line and label (class and method). */
public record StackFrame(String path, int line, String label) {

    @Override
    public String toString() {
        return label + " (" + path + ":" + line + ")";
    }
}
