package dev.xraytracing.local.internal.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.internal.SegmentBuilder;
import dev.xraytracing.local.internal.TraceIds;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two segments the Lambda service emits for every sampled invocation of a function with active tracing: the
 * service's own ({@code AWS::Lambda}, under the caller's subsegment) and the function's ({@code AWS::Lambda::Function},
 * whose id is the Parent handed to the runtime, so the handler's subsegments land under it), with its
 * {@code Initialization} (cold starts), {@code Invocation} and {@code Overhead} subsegments.
 */
final class LambdaSegments {
    private LambdaSegments() {
    }

    /** X-Ray links at most this many traces from one segment (X-Ray guide, "Tracing event-driven applications"). */
    static final int MAX_LINKS = 20;

    /**
     * Who and what one invocation is: the function, the request, the caller's header, the two segments' ids, and the
     * producers' entities the service's segment links to ({@code [traceId, entityId]}; none but for a queue's batch).
     */
    record Ids(String functionName, String functionArn, String accountId, String requestId, TraceHeader incoming,
               String serviceSegmentId, String functionSegmentId, List<String[]> links) {
    }

    /**
     * The links a batch's service segment carries: one per distinct producer entity named by the messages'
     * {@code AWSTraceHeader}s (Root and Parent), the first {@link #MAX_LINKS}. A header without both is no link.
     */
    static List<String[]> links(List<String> producerHeaders) {
        Map<String, String[]> links = new LinkedHashMap<>();
        for (String header : producerHeaders) {
            TraceHeader producer = TraceIds.readIncoming(header);
            if (producer != null && producer.parent() != null && links.size() < MAX_LINKS) {
                links.putIfAbsent(producer.root() + "/" + producer.parent(),
                        new String[] {producer.root(), producer.parent()});
            }
        }
        return List.copyOf(links.values());
    }

    /** One timed phase of the function's segment (Initialization, Invocation), with its fault when it failed. */
    record Phase(Instant start, Instant end, JsonNode fault) {
    }

    /**
     * Everything one invocation's segments record: when the service received the request and answered, with which
     * status, and the function's phases that ran (null when one did not: no init on a warm start, no invocation when
     * init failed or the service refused the call).
     */
    record Record(Ids ids, Instant received, Instant responded, int status, Phase init, Phase invocation,
                  Instant overheadEnd) {
        /** The service's answer alone: the function never ran (a throttle, an injected service error). */
        static Record refused(Ids ids, Instant received, Instant responded, int status) {
            return new Record(ids, received, responded, status, null, null, null);
        }
    }

    static ObjectNode service(Record r) {
        Ids ids = r.ids();
        SegmentBuilder segment = SegmentBuilder.segment(ids.functionName(), ids.serviceSegmentId(), ids.incoming().root())
                .put("parent_id", ids.incoming().parent())
                .times(r.received(), r.responded())
                .put("origin", "AWS::Lambda")
                .put("resource_arn", ids.functionArn())
                .status(r.status());
        segment.objectAt("aws").put("account_id", ids.accountId()).put("request_id", ids.requestId());
        ObjectNode json = segment.json();
        if (!ids.links().isEmpty()) {
            ArrayNode links = json.putArray("links");
            ids.links().forEach(link -> links.addObject().put("trace_id", link[0]).put("id", link[1]));
        }
        return json;
    }

    static ObjectNode function(Record r) {
        Ids ids = r.ids();
        Phase init = r.init();
        Phase invocation = r.invocation();
        Instant start = init != null ? init.start() : invocation.start();
        Instant end = r.overheadEnd() != null ? r.overheadEnd() : invocation != null ? invocation.end() : init.end();
        SegmentBuilder segment = SegmentBuilder.segment(ids.functionName(), ids.functionSegmentId(), ids.incoming().root())
                .put("parent_id", ids.serviceSegmentId())
                .times(start, end)
                .put("origin", "AWS::Lambda::Function")
                .put("resource_arn", ids.functionArn());
        segment.objectAt("aws").put("account_id", ids.accountId()).put("function_arn", ids.functionArn());
        if (init != null) {
            segment.add(phase(segment, "Initialization", init, ids));
        }
        if (invocation != null) {
            segment.add(phase(segment, "Invocation", invocation, ids));
            if (r.overheadEnd() != null) {
                SegmentBuilder overhead = SegmentBuilder.subsegment("Overhead", TraceIds.newSegmentId())
                        .times(invocation.end(), r.overheadEnd());
                overhead.objectAt("aws").put("function_arn", ids.functionArn());
                segment.add(overhead);
            }
        }
        return segment.json();
    }

    /** A phase's subsegment; a failed phase carries the fault, and the function segment is marked with it. */
    private static SegmentBuilder phase(SegmentBuilder function, String name, Phase phase, Ids ids) {
        SegmentBuilder subsegment = SegmentBuilder.subsegment(name, TraceIds.newSegmentId())
                .times(phase.start(), phase.end());
        subsegment.objectAt("aws").put("function_arn", ids.functionArn());
        if (phase.fault() != null) {
            subsegment.fault(phase.fault());
            function.fault(null);
        }
        return subsegment;
    }

    /**
     * The cause X-Ray records for a function error: the runtime's X-Ray error cause when it sent one (exceptions get
     * the ids the schema asks for), else one exception built from Lambda's error document.
     */
    static JsonNode cause(String xrayErrorCause, byte[] errorDocument) {
        if (xrayErrorCause != null && !xrayErrorCause.isBlank()) {
            try {
                JsonNode cause = SegmentBuilder.JSON.readTree(xrayErrorCause);
                if (cause.isObject() && cause.path("exceptions").isArray()) {
                    for (JsonNode exception : cause.get("exceptions")) {
                        if (exception.isObject() && !exception.has("id")) {
                            ((ObjectNode) exception).put("id", TraceIds.newSegmentId());
                        }
                    }
                    return cause;
                }
            } catch (IOException e) {
                // fall through to the error document
            }
        }
        ObjectNode cause = SegmentBuilder.JSON.createObjectNode();
        ArrayNode exceptions = cause.putArray("exceptions");
        ObjectNode exception = exceptions.addObject().put("id", TraceIds.newSegmentId());
        try {
            JsonNode error = SegmentBuilder.JSON.readTree(errorDocument);
            exception.put("type", error.path("errorType").asText("Unhandled"));
            exception.put("message", error.path("errorMessage").asText(""));
        } catch (IOException e) {
            exception.put("type", "Unhandled");
            exception.put("message", new String(errorDocument, java.nio.charset.StandardCharsets.UTF_8));
        }
        return cause;
    }
}
