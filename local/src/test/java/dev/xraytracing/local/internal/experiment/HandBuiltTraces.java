package dev.xraytracing.local.internal.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.trace.TraceDocuments;
import java.util.ArrayList;
import java.util.List;

/**
 * Segment documents written by hand, shaped like the local platform's: an API stage calling a function whose
 * {@code CallSecondLambda} block invokes another function through the SDK.
 */
final class HandBuiltTraces {
    static final ObjectMapper JSON = new ObjectMapper();
    private static int ids;

    private HandBuiltTraces() {
    }

    static String traceId(int n) {
        return String.format("1-6b100000-%024x", n);
    }

    static String id() {
        return String.format("%016x", ++ids);
    }

    static ObjectNode segment(String traceId, String name, String origin, String parentId) {
        ObjectNode segment = entity(name);
        segment.put("trace_id", traceId);
        segment.put("origin", origin);
        if (parentId != null) {
            segment.put("parent_id", parentId);
        }
        return segment;
    }

    static ObjectNode entity(String name) {
        ObjectNode entity = JSON.createObjectNode();
        entity.put("name", name);
        entity.put("id", id());
        entity.put("start_time", 1796229833.0);
        entity.put("end_time", 1796229833.5);
        return entity;
    }

    static ObjectNode child(ObjectNode parent, String name) {
        ArrayNode subsegments = parent.has("subsegments") ? (ArrayNode) parent.get("subsegments")
                : parent.putArray("subsegments");
        ObjectNode child = entity(name);
        subsegments.add(child);
        return child;
    }

    static ObjectNode sdkCall(ObjectNode parent, String service, String operation, int retries) {
        ObjectNode call = child(parent, service);
        call.put("namespace", "aws");
        call.putObject("aws").put("operation", operation).put("retries", retries);
        return call;
    }

    static ObjectNode injected(ObjectNode entity, String rule) {
        entity.putObject("annotations").put("FaultInjected", true).put("FaultRule", rule).put("FaultMode", "status");
        return entity;
    }

    static ObjectNode fault(ObjectNode entity) {
        entity.put("fault", true);
        return entity;
    }

    static ObjectNode throttle(ObjectNode entity) {
        entity.put("error", true);
        entity.put("throttle", true);
        return entity;
    }

    /** A whole request's documents: API stage, its Lambda call, the front function and its Invoke of the back one. */
    static final class Request {
        final String traceId;
        final ObjectNode stage;
        final ObjectNode stageCall;
        final ObjectNode function;
        final ObjectNode invocation;
        final ObjectNode handler;
        final ObjectNode block;
        final ObjectNode invoke;

        Request(int n, int retries) {
            traceId = traceId(n);
            stage = segment(traceId, "api/prod", "AWS::ApiGateway::Stage", null);
            stageCall = child(stage, "Lambda");
            stageCall.put("namespace", "aws");
            stageCall.putObject("aws").put("operation", "Invoke");
            function = segment(traceId, "Front", "AWS::Lambda::Function", stageCall.get("id").asText());
            invocation = child(function, "Invocation");
            handler = child(function, "## handleRequest");
            block = child(handler, "CallSecondLambda");
            invoke = sdkCall(block, "Lambda", "Invoke", retries);
        }

        /** Throttled by rule {@code rule} on every attempt, failing everything above it. */
        Request throttledByRule(String rule) {
            injected(throttle(invoke), rule);
            for (int i = 1; i <= invoke.path("aws").path("retries").asInt() + 1; i++) {
                throttle(child(invoke, "Attempt " + i));
            }
            handler.putObject("annotations").put("FaultInjected", true);
            fault(block);
            fault(handler);
            fault(invocation);
            fault(function);
            fault(stageCall);
            fault(stage);
            return this;
        }

        List<String> documents() {
            List<String> documents = new ArrayList<>();
            documents.add(stage.toString());
            documents.add(function.toString());
            return documents;
        }
    }

    static Phase phase(List<RequestOutcome> outcomes, List<Request> requests) {
        List<String> documents = new ArrayList<>();
        requests.forEach(r -> documents.addAll(r.documents()));
        return new Phase("test", outcomes, documents, TraceDocuments.assemble(documents), List.of());
    }
}
