package dev.xraytracing.otel.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random segment documents with every field the spans are drawn from: nested subsegments, annotations of each
 * type, metadata, http, aws, users, exceptions with causes, links, flags, and names in several scripts.
 */
final class RandomDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHARACTERS = "abcXYZ019 _.:/%&#=+\\-@\"\n\täé東😀";
    private static final int[] STATUSES = {0, 200, 302, 404, 429, 500, 503};

    private final Random random;

    RandomDocuments(Random random) {
        this.random = random;
    }

    String next() throws Exception {
        Map<String, Object> root = entity(0);
        root.put("trace_id", "1-" + String.format("%08x", random.nextInt() & 0x7fffffff) + "-"
                + String.format("%024x", random.nextLong() & Long.MAX_VALUE).substring(0, 24));
        if (random.nextBoolean()) {
            root.put("type", "subsegment");
            root.put("parent_id", hexId());
        } else if (random.nextBoolean()) {
            root.put("parent_id", hexId().toUpperCase(java.util.Locale.ROOT));
        }
        return JSON.writeValueAsString(root);
    }

    private Map<String, Object> entity(int depth) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("name", text(1 + random.nextInt(20)));
        entity.put("id", hexId());
        double start = 1.5e9 + random.nextInt(1_000_000) + random.nextInt(1_000_000) / 1e6;
        entity.put("start_time", start);
        entity.put("end_time", start + random.nextInt(5_000) / 1e3);
        String[] namespaces = {null, "aws", "remote", "local"};
        String namespace = namespaces[random.nextInt(namespaces.length)];
        if (namespace != null) {
            entity.put("namespace", namespace);
        }
        int status = STATUSES[random.nextInt(STATUSES.length)];
        if (status != 0) {
            Map<String, Object> response = new LinkedHashMap<>(Map.of("status", status));
            if (random.nextBoolean()) {
                response.put("content_length", random.nextInt(10_000));
            }
            entity.put("http", Map.of("request", Map.of("method", "GET", "url", "https://x/" + text(5),
                    "user_agent", text(4), "client_ip", "10.0.0." + random.nextInt(255)), "response", response));
        }
        entity.put("fault", status >= 500 || random.nextInt(8) == 0);
        entity.put("error", status >= 400 && status < 500 || status == 302 || random.nextInt(8) == 0);
        if (status == 429) {
            entity.put("throttle", true);
        }
        if (random.nextBoolean()) {
            Map<String, Object> annotations = new LinkedHashMap<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                Object[] values = {random.nextInt(), random.nextLong(), random.nextDouble(), random.nextBoolean(),
                        text(random.nextInt(6)), 0, ""};
                annotations.put(text(1 + random.nextInt(6)), values[random.nextInt(values.length)]);
            }
            entity.put("annotations", annotations);
        }
        if (random.nextBoolean()) {
            entity.put("metadata", Map.of(text(3), Map.of("n", List.of(1, text(3), 2.5, true)), "default",
                    Map.of("k", text(4))));
        }
        if (random.nextBoolean()) {
            Map<String, Object> aws = new LinkedHashMap<>();
            aws.put("operation", "GetItem");
            aws.put("region", "eu-west-1");
            aws.put("table_name", text(5));
            aws.put("retries", random.nextInt(3));
            aws.put("resource_names", List.of(text(3), text(3)));
            aws.put("xray", Map.of("sdk", "x"));
            entity.put("aws", aws);
        }
        if (random.nextInt(4) == 0) {
            entity.put("user", text(6));
        }
        if (random.nextInt(3) == 0) {
            entity.put("cause", cause());
        }
        if (random.nextInt(5) == 0) {
            entity.put("links", List.of(Map.of("trace_id", "1-5759e988-bd862e3fe1be46a994272793", "id", hexId(),
                    "attributes", Map.of("reason", text(3), "n", random.nextInt(9)))));
        }
        if (depth < 2 && random.nextBoolean()) {
            List<Object> children = new ArrayList<>();
            for (int i = random.nextInt(3); i >= 0; i--) {
                Map<String, Object> child = entity(depth + 1);
                if (random.nextInt(10) == 0) {
                    child.put("in_progress", true);
                }
                children.add(child);
            }
            entity.put("subsegments", children);
        }
        return entity;
    }

    private Map<String, Object> cause() {
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("id", "e1");
        outer.put("type", "java.lang.IllegalStateException");
        outer.put("message", text(8));
        outer.put("cause", "e2");
        outer.put("stack", List.of(Map.of("label", "a.B.c", "path", "B.java", "line", random.nextInt(300)),
                Map.of("label", "a.B.d", "path", "B.java")));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("id", "e2");
        inner.put("type", "java.io.IOException");
        if (random.nextBoolean()) {
            inner.put("message", text(5));
        }
        return Map.of("working_directory", "/var/task", "exceptions", List.of(outer, inner));
    }

    private String hexId() {
        return String.format("%016x", random.nextLong() | 1);
    }

    String text(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(CHARACTERS.length());
            char c = CHARACTERS.charAt(at);
            if (Character.isHighSurrogate(c)) {
                text.append(c).append(CHARACTERS.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }
}
