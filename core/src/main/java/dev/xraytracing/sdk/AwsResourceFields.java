package dev.xraytracing.sdk;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.sdk.internal.ResourceTable;

/**
 * Extends the table of resource identifiers that {@link TracingExecutionInterceptor} copies into a subsegment's
 * {@code aws} fields. The same can be done without code in a {@code META-INF/xray-tracing/aws-resources.properties}
 * file on the classpath, one {@code <service>.<operation or *>.<request|response>.<member>=<aws field>} per line.
 *
 * <pre>{@code
 * AwsResourceFields.request("EventBridge", "PutEvents", "EndpointId", "endpoint_id");
 * }</pre>
 *
 * <p>Each call changes the table of the current tracer (the process-wide default, or the one a test made current).
 * Register at start-up. Only add identifiers: a text, number or boolean member is copied, a map gives its keys, a
 * list its size, and anything else is skipped.
 */
public final class AwsResourceFields {
    private AwsResourceFields() {
    }

    /**
     * Copies request member {@code member} of {@code operation} (or {@code "*"}: every operation) of {@code service}
     * (the SDK's service name, as in {@code SdkExecutionAttribute.SERVICE_NAME}) into {@code aws.<awsField>}.
     */
    public static void request(String service, String operation, String member, String awsField) {
        table().add(service + '.' + operation + ".request." + member, awsField);
    }

    /** The same for a member of the response. */
    public static void response(String service, String operation, String member, String awsField) {
        table().add(service + '.' + operation + ".response." + member, awsField);
    }

    /** Names the subsegments of {@code service} (the SDK's service name) {@code subsegmentName}. */
    public static void subsegmentName(String service, String subsegmentName) {
        table().add("name." + service, subsegmentName);
    }

    private static ResourceTable table() {
        return ResourceTable.of(TracerCore.current());
    }
}
