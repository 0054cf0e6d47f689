package dev.xraytracing.local.internal;

import dev.xraytracing.internal.TraceHeader;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;

/**
 * The ids the simulated services make, and the trace header (core's {@link TraceHeader}) as they pass it on:
 * {@code Root}, {@code Parent}, {@code Sampled} and {@code Lineage}; other keys are dropped, as Lambda drops keys it
 * does not know.
 */
public final class TraceIds {
    private static final Random RANDOM = new SecureRandom();
    private static final String LINEAGE = "Lineage";

    private TraceIds() {
    }

    /** A new trace, sampled: what the first traced service (API Gateway here) decides. */
    public static TraceHeader newTrace() {
        return TraceHeader.of(newTraceId(), null, true);
    }

    /**
     * The caller's header as a service reads it; null or one without a Root gives null. A missing or requested
     * ({@code ?}) decision counts as sampled: the first traced service decides, and here that is us.
     */
    public static TraceHeader readIncoming(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        TraceHeader parsed = TraceHeader.parse(header);
        if (parsed.root() == null || parsed.root().isEmpty()) {
            return null;
        }
        return passedOn(parsed.root(), parsed.parent(), !TraceHeader.NOT_SAMPLED.equals(parsed.sampledDecision()),
                parsed.other(LINEAGE));
    }

    /** A header naming only what the services pass on; {@code lineage} may be null. */
    public static TraceHeader passedOn(String root, String parent, boolean sampled, String lineage) {
        TraceHeader header = TraceHeader.of(root, parent, sampled);
        return lineage == null ? header : header.withOther(LINEAGE, lineage);
    }

    /** The {@code Lineage} a header carries, or null. */
    public static String lineage(TraceHeader header) {
        return header.other(LINEAGE);
    }

    /** {@code 1-<8 hex seconds>-<24 hex random>}. */
    public static String newTraceId() {
        long seconds = System.currentTimeMillis() / 1000;
        return "1-" + String.format(Locale.ROOT, "%08x", seconds) + "-" + hex(12);
    }

    /** 16 hex digits. */
    public static String newSegmentId() {
        return hex(8);
    }

    public static String newRequestId() {
        return hex(4) + "-" + hex(2) + "-" + hex(2) + "-" + hex(2) + "-" + hex(6);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        StringBuilder out = new StringBuilder(bytes * 2);
        for (byte b : random) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }
}
