package dev.xraytracing.local.internal.services.eventbridge;

/** An error EventBridge answers, with its status and the {@code __type} its API reference lists. */
final class EventBridgeError extends RuntimeException {
    final int status;
    final String type;

    EventBridgeError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }
}
