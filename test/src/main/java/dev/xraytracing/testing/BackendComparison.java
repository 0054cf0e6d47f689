package dev.xraytracing.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What X-Ray shows for the same code on the two backends, compared entity by entity and field by field: the X-Ray
 * backend's segment documents against the documents X-Ray makes of the OpenTelemetry backend's spans (the local
 * daemon's, or {@code otel.internal.DocumentRoundTrip}'s). Compared: the tree, names, namespaces, origins, resource
 * ARNs, users, the fault, error and throttle flags, annotations, metadata (every entry of the X-Ray side; the spans
 * add their own), the HTTP request and response status, the AWS fields (those X-Ray does not read from span
 * attributes are looked up under {@code default} metadata as {@code aws.<field>}) and the exceptions' types and
 * messages. What X-Ray cannot read back from a span, docs/opentelemetry.md lists; those differences are not compared.
 */
public final class BackendComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The {@code aws} fields X-Ray reads from span attributes; the others land in {@code default} metadata. */
    private static final Set<String> AWS_FIELDS_X_RAY_READS = Set.of("operation", "region", "request_id",
            "queue_url", "table_name", "account_id");
    /**
     * Fields, at any depth, whose values each run makes anew: request ids (the {@code RequestId} annotation of the
     * traced handlers too) and the local REST API's id. Across runs each value becomes a placeholder, wherever it
     * appears (an ARN names the API's id).
     */
    private static final Set<String> FIELDS_OF_THE_RUN = Set.of("request_id", "rest_api_id", "RequestId");
    /** Annotations that measure the run (the traced handlers' {@code InitDurationMs}): compared by presence. */
    private static final Set<String> MEASURED_ANNOTATIONS = Set.of("InitDurationMs");

    private BackendComparison() {
    }

    /**
     * One run seen through both backends (the X-Ray documents, and the documents the spans made of them become):
     * entities are paired by id, and their trace ids, parents and times must match too.
     */
    public static void assertSameTrace(List<String> xray, List<String> openTelemetry) {
        Map<String, JsonNode> expected = byId(xray);
        Map<String, JsonNode> actual = byId(openTelemetry);
        assertThat(actual.keySet()).as("the same entities, by id").isEqualTo(expected.keySet());
        for (Map.Entry<String, JsonNode> entry : expected.entrySet()) {
            JsonNode x = entry.getValue();
            JsonNode o = actual.get(entry.getKey());
            String name = x.path("name").asText();
            for (String field : List.of("trace_id", "parent_id")) {
                assertThat(o.path(field).asText()).as(name + ": " + field).isEqualTo(x.path(field).asText());
            }
            for (String time : List.of("start_time", "end_time")) {
                assertThat(o.path(time).asDouble()).as(name + ": " + time).isCloseTo(x.path(time).asDouble(),
                        within(1e-6));
            }
            assertSamePicture(name, x, o, false);
        }
    }

    /**
     * Two runs of the same requests, one on each backend: ids and times differ, so entities are paired by their place
     * in the tree (each trace in start order, then the names from its root down, same-named siblings numbered in
     * start order). Values each run makes anew are compared by presence: request ids (the {@code RequestId}
     * annotation too), the local REST API's id (also inside ARNs), the {@code InitDurationMs} annotation, and request
     * URLs without their host and port (a local run's endpoints listen on ports of their own).
     */
    public static void assertSameTraceAcrossRuns(List<String> xray, List<String> openTelemetry) {
        Map<String, JsonNode> expected = withoutRunValues(byPlace(xray));
        Map<String, JsonNode> actual = withoutRunValues(byPlace(openTelemetry));
        assertThat(actual.keySet()).as("the same tree: every entity by its place").isEqualTo(expected.keySet());
        expected.forEach((place, x) -> assertSamePicture(place, x, actual.get(place), true));
    }

    private static void assertSamePicture(String name, JsonNode xray, JsonNode otel, boolean acrossRuns) {
        assertThat(otel.path("name").asText()).as(name + ": name").isEqualTo(xray.path("name").asText());
        for (String field : List.of("namespace", "origin", "resource_arn", "user")) {
            assertThat(otel.path(field).asText()).as(name + ": " + field).isEqualTo(xray.path(field).asText());
        }
        for (String flag : List.of("fault", "error", "throttle")) {
            assertThat(otel.path(flag).asBoolean()).as(name + ": " + flag).isEqualTo(xray.path(flag).asBoolean());
        }
        assertThat(otel.path("annotations")).as(name + ": annotations").isEqualTo(xray.path("annotations"));
        assertThat(otel.path("http").path("response").path("status")).as(name + ": http.response.status")
                .isEqualTo(xray.path("http").path("response").path("status"));
        xray.path("http").path("request").fields().forEachRemaining(field -> {
            JsonNode actual = otel.path("http").path("request").path(field.getKey());
            if (acrossRuns && field.getKey().equals("url")) {
                assertThat(withoutAuthority(actual.asText())).as(name + ": http.request.url, host and port aside")
                        .isEqualTo(withoutAuthority(field.getValue().asText()));
            } else {
                assertThat(actual).as(name + ": http.request." + field.getKey()).isEqualTo(field.getValue());
            }
        });
        xray.path("aws").fields().forEachRemaining(field -> {
            String key = field.getKey();
            // Read from a span, X-Ray keeps the fields it knows; others land in default metadata. An entity that
            // was never a span (the platform's own segments) keeps them all.
            JsonNode where = AWS_FIELDS_X_RAY_READS.contains(key) || otel.path("aws").has(key)
                    ? otel.path("aws").path(key) : otel.path("metadata").path("default").path("aws." + key);
            assertThat(where).as(name + ": aws." + key).isEqualTo(field.getValue());
        });
        xray.path("metadata").fields().forEachRemaining(namespace -> namespace.getValue().fields()
                .forEachRemaining(entry -> assertThat(otel.path("metadata").path(namespace.getKey())
                        .path(entry.getKey())).as(name + ": metadata " + namespace.getKey() + "." + entry.getKey())
                        .isEqualTo(entry.getValue())));
        assertThat(exceptions(otel)).as(name + ": exceptions").isEqualTo(exceptions(xray));
    }

    /** The entities with each run's own values replaced by placeholders naming their field. */
    private static Map<String, JsonNode> withoutRunValues(Map<String, JsonNode> entities) {
        Map<String, String> placeholders = new HashMap<>();
        for (JsonNode entity : entities.values()) {
            for (String field : FIELDS_OF_THE_RUN) {
                entity.findValues(field).forEach(v -> placeholders.put(v.asText(), "<" + field + ">"));
            }
        }
        placeholders.remove("");
        Map<String, JsonNode> normalised = new LinkedHashMap<>();
        entities.forEach((place, entity) -> {
            String text = entity.toString();
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                text = text.replace(placeholder.getKey(), placeholder.getValue());
            }
            ObjectNode copy = (ObjectNode) read(text);
            if (copy.path("annotations") instanceof ObjectNode annotations) {
                MEASURED_ANNOTATIONS.stream().filter(annotations::has).forEach(a -> annotations.put(a, "<measured>"));
            }
            normalised.put(place, copy);
        });
        return normalised;
    }

    /** A URL's path and query: a local run's endpoints listen on ports of their own. */
    private static String withoutAuthority(String url) {
        return url.replaceFirst("^[a-z]+://[^/]*", "");
    }

    /** Type and message of each exception, in order: ids are X-Ray's to give, and differ. */
    private static List<String> exceptions(JsonNode entity) {
        List<String> described = new ArrayList<>();
        entity.path("cause").path("exceptions").forEach(exception ->
                described.add(exception.path("type").asText() + ": " + exception.path("message").asText()));
        return described;
    }

    /** Every entity of the documents, nested ones too, by id, without their children and with their parent's id. */
    private static Map<String, JsonNode> byId(List<String> documents) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (String document : documents) {
            collect(read(document), null, null, byId);
        }
        return byId;
    }

    private static void collect(JsonNode entity, String traceId, String parentId, Map<String, JsonNode> byId) {
        ObjectNode own = entity.deepCopy();
        own.remove("subsegments");
        if (traceId != null) {
            own.put("trace_id", traceId);
            own.put("parent_id", parentId);
        }
        byId.put(own.path("id").asText(), own);
        for (Iterator<JsonNode> children = entity.path("subsegments").elements(); children.hasNext(); ) {
            collect(children.next(), own.path("trace_id").asText(), own.path("id").asText(), byId);
        }
    }

    /** Every entity by its place: "trace N: root / child / child#2"; parents outside the documents make roots. */
    private static Map<String, JsonNode> byPlace(List<String> documents) {
        Map<String, JsonNode> byId = byId(documents);
        Map<String, List<JsonNode>> children = new HashMap<>();
        Map<String, List<JsonNode>> rootsByTrace = new LinkedHashMap<>();
        for (JsonNode entity : byId.values()) {
            String parent = entity.path("parent_id").asText("");
            if (byId.containsKey(parent)) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(entity);
            } else {
                rootsByTrace.computeIfAbsent(entity.path("trace_id").asText(), t -> new ArrayList<>()).add(entity);
            }
        }
        List<List<JsonNode>> traces = new ArrayList<>(rootsByTrace.values());
        traces.sort(Comparator.comparingDouble(roots -> roots.stream()
                .mapToDouble(r -> r.path("start_time").asDouble()).min().orElse(0)));
        Map<String, JsonNode> byPlace = new TreeMap<>();
        for (int t = 0; t < traces.size(); t++) {
            place("trace " + (t + 1) + ": ", traces.get(t), children, byPlace);
        }
        return byPlace;
    }

    private static void place(String prefix, List<JsonNode> siblings, Map<String, List<JsonNode>> children,
            Map<String, JsonNode> byPlace) {
        List<JsonNode> ordered = new ArrayList<>(siblings);
        ordered.sort(Comparator.comparingDouble(e -> e.path("start_time").asDouble()));
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode entity : ordered) {
            String name = entity.path("name").asText();
            int nth = seen.merge(name, 1, Integer::sum);
            String place = prefix + name + (nth > 1 ? "#" + nth : "");
            byPlace.put(place, entity);
            place(place + " / ", children.getOrDefault(entity.path("id").asText(), List.of()), children, byPlace);
        }
    }

    private static JsonNode read(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON document: " + document, e);
        }
    }
}
