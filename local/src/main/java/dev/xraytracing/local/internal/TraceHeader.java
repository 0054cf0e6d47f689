package dev.xraytracing.local.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;

/**
 * The {@code X-Amzn-Trace-Id} header as the services pass it on: {@code Root}, {@code Parent}, {@code Sampled} and
 * {@code Lineage}; other keys are dropped, as Lambda does with keys it does not know.
 */
public record TraceHeader(String root, String parent, boolean sampled, String lineage) {
    private static final Random RANDOM = new SecureRandom();

    /** A new trace, sampled: what the first traced service (API Gateway here) decides. */
    public static TraceHeader newTrace() {
        return new TraceHeader(newTraceId(), null, true, null);
    }

    /** Parses a header; null or one without a Root gives null. */
    public static TraceHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String root = null;
        String parent = null;
        String lineage = null;
        boolean sampled = true;
        for (String part : header.split(";")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = part.substring(0, equals).trim();
            String value = part.substring(equals + 1).trim();
            switch (key) {
                case "Root" -> root = value;
                case "Parent" -> parent = value;
                case "Sampled" -> sampled = !"0".equals(value);
                case "Lineage" -> lineage = value;
                default -> { }
            }
        }
        return root == null ? null : new TraceHeader(root, parent, sampled, lineage);
    }

    /** The same trace handed to the next entity: Root, Sampled and Lineage kept, a new Parent. */
    public TraceHeader withParent(String newParent) {
        return new TraceHeader(root, newParent, sampled, lineage);
    }

    @Override
    public String toString() {
        StringBuilder header = new StringBuilder("Root=").append(root);
        if (parent != null) {
            header.append(";Parent=").append(parent);
        }
        header.append(";Sampled=").append(sampled ? '1' : '0');
        if (lineage != null) {
            header.append(";Lineage=").append(lineage);
        }
        return header.toString();
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
