package dev.xraytracing.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;

/**
 * The two segments the Lambda service emits for every sampled invocation of a function with active tracing: the
 * service's own ({@code AWS::Lambda}, under the caller's subsegment) and the function's ({@code AWS::Lambda::Function},
 * whose id is the Parent handed to the runtime, so the handler's subsegments land under it), with its
 * {@code Initialization} (cold starts), {@code Invocation} and {@code Overhead} subsegments.
 */
final class LambdaSegments {
    private LambdaSegments() {
    }

    /** Everything one invocation's segments record. */
    record Record(String functionName, String functionArn, String accountId, String requestId, TraceHeader incoming,
                  String serviceSegmentId, String functionSegmentId, Instant received, Instant responded,
                  int status, Instant initStart, Instant initEnd, Instant invocationStart, Instant invocationEnd,
                  Instant overheadEnd, JsonNode functionFault, JsonNode initFault) {
    }

    static ObjectNode service(Record r) {
        SegmentBuilder segment = SegmentBuilder.segment(r.functionName(), r.serviceSegmentId(), r.incoming().root())
                .put("parent_id", r.incoming().parent())
                .times(r.received(), r.responded())
                .put("origin", "AWS::Lambda")
                .put("resource_arn", r.functionArn())
                .status(r.status());
        segment.objectAt("aws").put("account_id", r.accountId()).put("request_id", r.requestId());
        return segment.json();
    }

    static ObjectNode function(Record r) {
        Instant start = r.initStart() != null ? r.initStart() : r.invocationStart();
        Instant end = r.overheadEnd() != null ? r.overheadEnd()
                : r.invocationEnd() != null ? r.invocationEnd() : r.initEnd();
        SegmentBuilder segment = SegmentBuilder.segment(r.functionName(), r.functionSegmentId(), r.incoming().root())
                .put("parent_id", r.serviceSegmentId())
                .times(start, end)
                .put("origin", "AWS::Lambda::Function")
                .put("resource_arn", r.functionArn());
        segment.objectAt("aws").put("account_id", r.accountId()).put("function_arn", r.functionArn());
        if (r.initStart() != null) {
            SegmentBuilder init = SegmentBuilder.subsegment("Initialization", TraceHeader.newSegmentId())
                    .times(r.initStart(), r.initEnd());
            init.objectAt("aws").put("function_arn", r.functionArn());
            if (r.initFault() != null) {
                init.fault(r.initFault());
                segment.fault(null);
            }
            segment.add(init);
        }
        if (r.invocationStart() != null) {
            SegmentBuilder invocation = SegmentBuilder.subsegment("Invocation", TraceHeader.newSegmentId())
                    .times(r.invocationStart(), r.invocationEnd());
            invocation.objectAt("aws").put("function_arn", r.functionArn());
            if (r.functionFault() != null) {
                invocation.fault(r.functionFault());
                segment.fault(null);
            }
            segment.add(invocation);
            if (r.overheadEnd() != null) {
                SegmentBuilder overhead = SegmentBuilder.subsegment("Overhead", TraceHeader.newSegmentId())
                        .times(r.invocationEnd(), r.overheadEnd());
                overhead.objectAt("aws").put("function_arn", r.functionArn());
                segment.add(overhead);
            }
        }
        return segment.json();
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
                            ((ObjectNode) exception).put("id", TraceHeader.newSegmentId());
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
        ObjectNode exception = exceptions.addObject().put("id", TraceHeader.newSegmentId());
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
