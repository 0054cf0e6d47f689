package dev.xraytracing.local.internal.lambda;

import java.util.concurrent.CompletableFuture;

/** One request handed to a function's runtime, and what the runtime answered. */
public final class Invocation {
    private final String requestId;
    private final byte[] payload;
    private final String traceHeader;
    private final long deadlineEpochMillis;
    private final String functionArn;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    /** When the runtime asked for its next event after answering this one: the end of Lambda's "Overhead". */
    private final CompletableFuture<Long> nextPolledNanos = new CompletableFuture<>();
    private volatile long receivedNanos;
    private volatile long answeredNanos;

    public Invocation(String requestId, byte[] payload, String traceHeader, long deadlineEpochMillis,
                      String functionArn) {
        this.requestId = requestId;
        this.payload = payload;
        this.traceHeader = traceHeader;
        this.deadlineEpochMillis = deadlineEpochMillis;
        this.functionArn = functionArn;
    }

    public String requestId() {
        return requestId;
    }

    public byte[] payload() {
        return payload;
    }

    public String traceHeader() {
        return traceHeader;
    }

    public long deadlineEpochMillis() {
        return deadlineEpochMillis;
    }

    public String functionArn() {
        return functionArn;
    }

    public CompletableFuture<InvocationResult> result() {
        return result;
    }

    public CompletableFuture<Long> nextPolledNanos() {
        return nextPolledNanos;
    }

    /** When the runtime picked the event up (System.nanoTime), 0 before. */
    public long receivedNanos() {
        return receivedNanos;
    }

    /**
     * When the runtime's answer arrived (System.nanoTime), 0 before: the end of Lambda's "Invocation". Taken by the
     * server before it lets the runtime poll again, so the "Overhead" that follows never starts after it ends.
     */
    public long answeredNanos() {
        return answeredNanos;
    }

    void markAnswered() {
        answeredNanos = System.nanoTime();
    }

    void markReceived() {
        receivedNanos = System.nanoTime();
    }
}
