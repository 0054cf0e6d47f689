package dev.xraytracing.sdk.internal;

import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.TracerCore;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;

/**
 * What one SDK call carries from hook to hook, in its ExecutionAttributes (so it crosses threads with async clients):
 * the interceptor that owns it, the tracer it records for, the outgoing trace header, and for a recorded call the
 * subsegment and its attempts.
 */
public final class SdkCall {
    /** Present once an interceptor of ours has taken the call; other instances then stand aside. */
    public static final ExecutionAttribute<SdkCall> ATTRIBUTE = new ExecutionAttribute<>("dev.xraytracing.sdk.SdkCall");

    final Object owner;
    final TracerCore core;
    /** The X-Amzn-Trace-Id to send, built when the call starts (it names the subsegment as Parent). */
    final String traceHeader;
    /** Null when the call is not recorded (unsampled). */
    final Subsegment subsegment;
    private double[] attemptStarts;
    private double[] attemptEnds;
    private int[] attemptStatuses;
    private int attempts;

    SdkCall(Object owner, TracerCore core, String traceHeader, Subsegment subsegment) {
        this.owner = owner;
        this.core = core;
        this.traceHeader = traceHeader;
        this.subsegment = subsegment;
    }

    /** The tracer of the call that {@code attributes} belong to, or the thread's current one when none took it. */
    public static TracerCore tracerOf(ExecutionAttributes attributes) {
        SdkCall call = attributes.getAttribute(ATTRIBUTE);
        return call != null ? call.core : TracerCore.current();
    }

    boolean isOwnedBy(Object interceptor) {
        return owner == interceptor;
    }

    int attempts() {
        return attempts;
    }

    synchronized void attemptStarted(double now) {
        if (attemptStarts == null || attempts == attemptStarts.length) {
            int size = attempts == 0 ? 4 : attempts * 2;
            attemptStarts = copy(attemptStarts, size);
            attemptEnds = copy(attemptEnds, size);
            attemptStatuses = copy(attemptStatuses, size);
        }
        attemptStarts[attempts] = now;
        attempts++;
    }

    synchronized void attemptAnswered(int status, double now) {
        if (attempts > 0) {
            attemptStatuses[attempts - 1] = status;
            attemptEnds[attempts - 1] = now;
        }
    }

    double attemptStart(int index) {
        return attemptStarts[index];
    }

    /** When attempt {@code index} ended: its answer, else (no answer: timeout, refused) the next attempt's start. */
    double attemptEnd(int index, double callEnd) {
        if (attemptEnds[index] > 0) {
            return attemptEnds[index];
        }
        return index + 1 < attempts ? attemptStarts[index + 1] : callEnd;
    }

    /** The HTTP status attempt {@code index} got, or 0 when it got none. */
    int attemptStatus(int index) {
        return attemptStatuses[index];
    }

    private static double[] copy(double[] values, int size) {
        return values == null ? new double[size] : java.util.Arrays.copyOf(values, size);
    }

    private static int[] copy(int[] values, int size) {
        return values == null ? new int[size] : java.util.Arrays.copyOf(values, size);
    }
}
