package dev.xraytracing.local.internal.services.sns;

/** An error SNS answers, with its status and code as SNS's API reference lists them. */
final class SnsError extends RuntimeException {
    final int status;
    final String code;

    SnsError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static SnsError invalidParameter(String detail) {
        return new SnsError(400, "InvalidParameter", "Invalid parameter: " + detail);
    }

    static SnsError topicNotFound() {
        return new SnsError(404, "NotFound", "Topic does not exist");
    }

    static SnsError subscriptionNotFound() {
        return new SnsError(404, "NotFound", "Subscription does not exist");
    }
}
