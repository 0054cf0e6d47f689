package dev.xraytracing.faults.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The traces an invocation's event links to: the producers' trace roots an SQS batch carries in each record's
 * {@code attributes.AWSTraceHeader} (X-Ray links the batch's new trace to them). Read from the raw event
 * ({@code Records}) and from aws-lambda-java-events' {@code SQSEvent} as Jackson sees it ({@code records}).
 */
final class LinkedTraces {
    private LinkedTraces() {
    }

    /** The trace roots {@code event} links to; empty for null or an event that is no SQS batch. */
    static Set<String> rootsIn(JsonNode event) {
        Set<String> roots = new HashSet<>();
        if (event == null) {
            return roots;
        }
        for (String records : new String[] {"Records", "records"}) {
            for (JsonNode record : event.path(records)) {
                JsonNode attributes = record.path("attributes");
                String root = InvocationTrace.rootOfHeader(attributes.path("AWSTraceHeader").asText(null));
                if (root != null) {
                    roots.add(root);
                }
            }
        }
        return roots;
    }
}
