package dev.xraytracing.local.internal.lambda;

import java.nio.charset.StandardCharsets;

/**
 * What the Invoke API answers: a status, a body, and for failures the error type ({@code x-amzn-ErrorType} for
 * service errors) or {@code X-Amz-Function-Error} for function errors.
 */
public record InvokeResponse(int status, byte[] body, String functionError, String serviceErrorType,
                             String requestId) {

    public static InvokeResponse serviceError(int status, String type, String message, String requestId) {
        String kind = status >= 500 ? "Service" : "User";
        String body = "{\"Type\":\"" + kind + "\",\"message\":\"" + message.replace("\"", "'") + "\"}";
        return new InvokeResponse(status, body.getBytes(StandardCharsets.UTF_8), null, type, requestId);
    }

    /** Lambda's answer to an invocation past the function's reserved concurrency. */
    public static InvokeResponse reservedConcurrencyExceeded(String requestId) {
        String body = "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\","
                + "\"message\":\"Rate Exceeded.\"}";
        return new InvokeResponse(429, body.getBytes(StandardCharsets.UTF_8), null, "TooManyRequestsException",
                requestId);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
