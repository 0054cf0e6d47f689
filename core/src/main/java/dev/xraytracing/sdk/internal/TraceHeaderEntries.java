package dev.xraytracing.sdk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.utils.builder.CopyableBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * Calls whose entries each carry a trace header of their own, which the service reads instead of the HTTP header:
 * EventBridge's {@code PutEvents} ({@code Entries[].TraceHeader}). An entry the user left without one gets the call's
 * header; one the user set is never touched.
 *
 * <p>Every other carrier AWS documents is the HTTP {@code X-Amzn-Trace-Id} header, which {@link SdkCallTracer} sets:
 * SQS applies it to every message of a {@code SendMessage} or {@code SendMessageBatch} (a message's own
 * {@code AWSTraceHeader} system attribute wins at SQS), SNS reads it for {@code Publish} and {@code PublishBatch}.
 * Those requests are left as the user built them.
 */
public final class TraceHeaderEntries {
    /** Service (SDK service name) to operation to {the list member, the entry's trace header member}. */
    private static final Map<String, Map<String, String[]>> CARRIERS = Map.of(
            "EventBridge", Map.of("PutEvents", new String[] {"Entries", "TraceHeader"}),
            "CloudWatchEvents", Map.of("PutEvents", new String[] {"Entries", "TraceHeader"}));

    private TraceHeaderEntries() {
    }

    /** The request with the call's trace header in every entry that has none; the same request for any other call. */
    public static SdkRequest modifyRequest(Object owner, Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        Map<String, String[]> operations = CARRIERS.get(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        if (operations == null) {
            return request;
        }
        String[] carrier = operations.get(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        SdkCall call = carrier == null ? null : SdkCallTracer.callOwnedBy(owner, attributes);
        if (call == null) {
            return request;
        }
        return fill(request, carrier[0], carrier[1], call.traceHeader);
    }

    private static SdkRequest fill(SdkRequest request, String listMember, String headerMember, String header) {
        SdkField<?> listField = field(request, listMember);
        Object value = listField == null ? null : listField.getValueOrDefault(request);
        if (!(value instanceof List) || ((List<?>) value).isEmpty()) {
            return request;
        }
        List<?> entries = (List<?>) value;
        List<Object> filled = new ArrayList<>(entries.size());
        boolean changed = false;
        for (Object entry : entries) {
            Object withHeader = withHeader(entry, headerMember, header);
            changed |= withHeader != entry;
            filled.add(withHeader);
        }
        if (!changed) {
            return request;
        }
        SdkRequest.Builder builder = request.toBuilder();
        listField.set(builder, filled);
        return builder.build();
    }

    /** The entry with {@code header} when it has no trace header of its own, else the entry itself. */
    private static Object withHeader(Object entry, String headerMember, String header) {
        if (!(entry instanceof SdkPojo) || !(entry instanceof ToCopyableBuilder)) {
            return entry;
        }
        SdkField<?> headerField = field((SdkPojo) entry, headerMember);
        if (headerField == null) {
            return entry;
        }
        Object own = headerField.getValueOrDefault(entry);
        if (own instanceof String && !((String) own).isBlank()) {
            return entry;
        }
        CopyableBuilder<?, ?> builder = ((ToCopyableBuilder<?, ?>) entry).toBuilder();
        headerField.set(builder, header);
        return builder.build();
    }

    private static SdkField<?> field(SdkPojo pojo, String member) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.memberName().equals(member)) {
                return field;
            }
        }
        return null;
    }
}
