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
 * <p>Case rules: the header's name is case-insensitive (HTTP); its three known keys are read in any case and
 * always written as {@code Root}, {@code Parent}, {@code Sampled}; values and other fields are kept as they came.
 * Parsing never throws: a part without {@code =}, an empty part or a repeated known key is dropped.
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

    private TraceHeader(String root, String parent, String sampled, List<String> others) {
        this.root = root;
        this.parent = parent;
        this.sampled = sampled;
        this.others = others;
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
            String value = part.substring(equals + 1).trim();
            if (isKey(part, equals, "Root")) {
                root = root == null ? value : root;
            } else if (isKey(part, equals, "Parent")) {
                parent = parent == null ? value : parent;
            } else if (isKey(part, equals, "Sampled")) {
                sampled = sampled == null ? value : sampled;
            } else {
                if (others == null) {
                    others = new ArrayList<>(2);
                }
                others.add(part);
            }
        }
        return new TraceHeader(root, parent, sampled,
                others == null ? List.of() : Collections.unmodifiableList(others));
    }

    private static boolean isKey(String part, int equals, String key) {
        return equals == key.length() && part.regionMatches(true, 0, key, 0, key.length());
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

    /** The value of another field (such as {@code Lineage}), matched exactly, or null. */
    public String other(String key) {
        for (String part : others) {
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
                && Objects.equals(sampled, that.sampled) && others.equals(that.others);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, parent, sampled, others);
    }
}
