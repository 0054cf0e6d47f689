package dev.xraytracing.local.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;

/**
 * The {@code X-Amzn-Trace-Id} header as the simulated services pass it on: {@code Root}, {@code Parent},
 * {@code Sampled} and {@code Lineage}; other keys are dropped, as Lambda does with keys it does not know. Reading and
 * writing the header is core's ({@code dev.xraytracing.internal.TraceHeader}); this adds the ids the services make.
 */
public record TraceHeader(String root, String parent, boolean sampled, String lineage) {
    private static final Random RANDOM = new SecureRandom();

    /** A new trace, sampled: what the first traced service (API Gateway here) decides. */
    public static TraceHeader newTrace() {
        return new TraceHeader(newTraceId(), null, true, null);
    }

    /**
     * Parses a header with core's reader of {@code X-Amzn-Trace-Id}; null or one without a Root gives null. A missing
     * or requested ({@code ?}) decision counts as sampled: the first traced service decides, and here that is us.
     */
    public static TraceHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        dev.xraytracing.internal.TraceHeader parsed = dev.xraytracing.internal.TraceHeader.parse(header);
        if (parsed.root() == null || parsed.root().isEmpty()) {
            return null;
        }
        return new TraceHeader(parsed.root(), parsed.parent(), !"0".equals(parsed.sampledDecision()),
                parsed.other("Lineage"));
    }

    /** The same trace handed to the next entity: Root, Sampled and Lineage kept, a new Parent. */
    public TraceHeader withParent(String newParent) {
        return new TraceHeader(root, newParent, sampled, lineage);
    }

    @Override
    public String toString() {
        dev.xraytracing.internal.TraceHeader header = dev.xraytracing.internal.TraceHeader.of(root, parent, sampled);
        return (lineage == null ? header : header.withOther("Lineage", lineage)).format();
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
