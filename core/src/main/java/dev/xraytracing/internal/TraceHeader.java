package dev.xraytracing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The {@code X-Amzn-Trace-Id} header, the one class that reads and writes it: {@code Root=<trace id>},
 * {@code Parent=<entity id>}, {@code Sampled=1|0|?}, then any other fields ({@code Lineage}, {@code Self}, keys of
 * other services) kept verbatim and in order, so that what we pass on is what we got. Keeping {@code Lineage} is
 * what lets Lambda stop recursive invocation loops.
 *
 * <p>It reads the header as the X-Ray SDK for Java ({@code com.amazonaws.xray.entities.TraceHeader.fromString}) and
 * OpenTelemetry's {@code AwsXrayPropagator} do, so a trace that crosses a service using either means the same thing
 * on both sides: the keys {@code Root}, {@code Parent} and {@code Sampled} match case-sensitively (a {@code root=}
 * part is another field); a repeated key takes its last value; values are kept as written, except that the Root is
 * trimmed as the SDK trims it. A Root that is not an X-Ray trace id ({@code 1-} 8 lower-case hex digits {@code -} 24
 * lower-case hex digits, as the SDK's {@code TraceID.fromString} accepts) leaves the header with no trace and no
 * parent, since nothing could be recorded under a parent of an unknown trace; {@link #rejectedRoot()} keeps it for
 * the warning. Parsing never throws: a part without {@code =} or without a key is dropped.
 */
public final class TraceHeader {
    public static final String NAME = "X-Amzn-Trace-Id";
    public static final String SAMPLED = "1";
    public static final String NOT_SAMPLED = "0";
    public static final String REQUESTED = "?";

    private final String root;
    private final String parent;
    private final String sampled;
    private final List<String> others;
    private final String rejectedRoot;

    private TraceHeader(String root, String parent, String sampled, List<String> others) {
        this(root, parent, sampled, others, null);
    }

    private TraceHeader(String root, String parent, String sampled, List<String> others, String rejectedRoot) {
        this.root = root;
        this.parent = parent;
        this.sampled = sampled;
        this.others = others;
        this.rejectedRoot = rejectedRoot;
    }

    /** A header of trace {@code root} (never null) naming {@code parent} (or null) and a sampling decision. */
    public static TraceHeader of(String root, String parent, boolean sampled) {
        return new TraceHeader(Objects.requireNonNull(root, "root"), parent, sampled ? SAMPLED : NOT_SAMPLED,
                List.of());
    }

    /** Parses a header; null, blank or garbage gives a header with whatever fields could be read (maybe none). */
    public static TraceHeader parse(String header) {
        if (header == null) {
            return new TraceHeader(null, null, null, List.of());
        }
        String root = null;
        String parent = null;
        String sampled = null;
        List<String> others = null;
        int start = 0;
        int length = header.length();
        while (start <= length) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = length;
            }
            String part = header.substring(start, end).trim();
            start = end + 1;
            int equals = part.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String value = part.substring(equals + 1);
            if (isKey(part, equals, "Root")) {
                root = value.trim();
            } else if (isKey(part, equals, "Parent")) {
                parent = value;
            } else if (isKey(part, equals, "Sampled")) {
                sampled = value;
            } else {
                if (others == null) {
                    others = new ArrayList<>(2);
                }
                others.add(part);
            }
        }
        List<String> kept = others == null ? List.of() : Collections.unmodifiableList(others);
        if (root != null && !isTraceId(root)) {
            return new TraceHeader(null, null, sampled, kept, root);
        }
        return new TraceHeader(root, parent, sampled, kept);
    }

    private static boolean isKey(String part, int equals, String key) {
        return equals == key.length() && part.startsWith(key);
    }

    /** Whether {@code id} is an X-Ray trace id as the X-Ray SDK accepts one: {@code 1-<8 hex>-<24 hex>}, lower case. */
    public static boolean isTraceId(String id) {
        if (id.length() != 35 || id.charAt(0) != '1' || id.charAt(1) != '-' || id.charAt(10) != '-') {
            return false;
        }
        for (int i = 2; i < 35; i++) {
            char c = id.charAt(i);
            if (i != 10 && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The Root as written when it is not a trace id (then {@link #root()} and {@link #parent()} are null), or null. */
    public String rejectedRoot() {
        return rejectedRoot;
    }

    /** The trace id, or null when the header has none. */
    public String root() {
        return root;
    }

    /** The id of the entity the receiver hangs under, or null. */
    public String parent() {
        return parent;
    }

    /** The sampling decision as written ({@code 1}, {@code 0}, {@code ?}), or null when the header makes none. */
    public String sampledDecision() {
        return sampled;
    }

    /** Whether the header asks for recording: {@code Sampled=1}. */
    public boolean isSampled() {
        return SAMPLED.equals(sampled);
    }

    /** Whether the header decides sampling either way ({@code Sampled=1} or {@code Sampled=0}). */
    public boolean isDecided() {
        return SAMPLED.equals(sampled) || NOT_SAMPLED.equals(sampled);
    }

    /** The other fields, each {@code key=value} as it came, in order. */
    public List<String> others() {
        return others;
    }

    /** The value of another field (such as {@code Lineage}), matched exactly; its last one when repeated, or null. */
    public String other(String key) {
        for (int i = others.size() - 1; i >= 0; i--) {
            String part = others.get(i);
            if (part.length() > key.length() && part.charAt(key.length()) == '=' && part.startsWith(key)) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** The same trace handed on to entity {@code parentId}, with this decision; every other field kept. */
    public TraceHeader withParent(String parentId, boolean isSampled) {
        return new TraceHeader(root, parentId, isSampled ? SAMPLED : NOT_SAMPLED, others);
    }

    /** The same trace handed on to entity {@code parentId}; the decision and every other field kept. */
    public TraceHeader withParent(String parentId) {
        return new TraceHeader(root, parentId, sampled, others);
    }

    /** This header with {@code field} ({@code key=value}) added at the end, or replacing the field of that key. */
    public TraceHeader withOther(String key, String value) {
        List<String> kept = new ArrayList<>(others.size() + 1);
        for (String part : others) {
            if (!(part.startsWith(key) && part.length() > key.length() && part.charAt(key.length()) == '=')) {
                kept.add(part);
            }
        }
        kept.add(key + '=' + value);
        return new TraceHeader(root, parent, sampled, Collections.unmodifiableList(kept));
    }

    /** The header as sent: Root, Parent, Sampled (those present), then the other fields. */
    public String format() {
        StringBuilder out = new StringBuilder(96);
        append(out, "Root", root);
        append(out, "Parent", parent);
        append(out, "Sampled", sampled);
        for (String part : others) {
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(part);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String key, String value) {
        if (value != null) {
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(key).append('=').append(value);
        }
    }

    @Override
    public String toString() {
        return format();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TraceHeader)) {
            return false;
        }
        TraceHeader that = (TraceHeader) other;
        return Objects.equals(root, that.root) && Objects.equals(parent, that.parent)
                && Objects.equals(sampled, that.sampled) && others.equals(that.others)
                && Objects.equals(rejectedRoot, that.rejectedRoot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, parent, sampled, others, rejectedRoot);
    }
}
