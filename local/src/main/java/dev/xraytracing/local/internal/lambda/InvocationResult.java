package dev.xraytracing.local.internal.lambda;

/**
 * What a function's runtime answered: its response, or a function error with the runtime's error document, error type
 * header and X-Ray error cause (the runtime interface client sends the cause so that Lambda can record it).
 */
public record InvocationResult(boolean success, byte[] body, String errorType, String xrayErrorCause) {
    public static InvocationResult success(byte[] body) {
        return new InvocationResult(true, body, null, null);
    }

    public static InvocationResult error(byte[] body, String errorType, String xrayErrorCause) {
        return new InvocationResult(false, body, errorType, xrayErrorCause);
    }
}
