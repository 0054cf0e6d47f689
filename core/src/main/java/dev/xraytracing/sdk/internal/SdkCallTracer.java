package dev.xraytracing.sdk.internal;

import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.FacadeSegment;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.Spans;
import dev.xraytracing.internal.TracingState;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;

/**
 * The start of a traced SDK call: decides whether the call is recorded, opens its subsegment under the caller's
 * current entity (without making it current, so nothing leaks into the caller's thread), and sets the trace header.
 */
public final class SdkCallTracer {
    private SdkCallTracer() {
    }

    public static void beforeExecution(Object owner, Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (attributes.getAttribute(SdkCall.ATTRIBUTE) != null || XRayInterceptorGuard.xrayTookTheCall(attributes)) {
            return;
        }
        Entity caller = ThreadLocalStorage.get();
        Entity parent = caller;
        if (parent == null) {
            String header = LambdaTraceHeader.current();
            if (header == null) {
                return;
            }
            if (!header.contains("Sampled=1")) {
                // Unsampled invocation: pass its header on as it came, Lineage included, and record nothing.
                attributes.putAttribute(SdkCall.ATTRIBUTE, new SdkCall(owner, header, null));
                return;
            }
            parent = Spans.facadeForCurrentInvocation();
            if (parent == null) {
                return;
            }
        }
        Segment segment = parent.getParentSegment();
        String incoming = segment instanceof FacadeSegment ? LambdaTraceHeader.current() : null;
        String root = segment.getTraceId().toString();
        if (!segment.isSampled()) {
            attributes.putAttribute(SdkCall.ATTRIBUTE,
                    new SdkCall(owner, OutgoingTraceHeader.build(incoming, root, parent.getId(), false), null));
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        ResourceTable table = TracingState.get().sdkResources();
        Subsegment subsegment = Spans.openUnder(parent, segment, table.subsegmentName(service));
        ThreadLocalStorage.set(caller);
        try {
            attributes.putAttribute(SdkCall.ATTRIBUTE,
                    new SdkCall(owner, OutgoingTraceHeader.build(incoming, root, subsegment.getId(), true), subsegment));
        } catch (RuntimeException failure) {
            // Without its attribute no later hook could close it: close it now, or the segment would never be sent.
            Spans.close(subsegment);
            ThreadLocalStorage.set(caller);
            throw failure;
        }
        try {
            describe(subsegment, context.request(), attributes, table, service);
        } catch (RuntimeException failure) {
            TracingState.get().warnings().warn("sdk:describe:" + service, "could not read the request fields of a "
                    + service + " call", failure);
        }
    }

    private static void describe(Subsegment subsegment, SdkRequest request, ExecutionAttributes attributes,
            ResourceTable table, String service) {
        subsegment.setNamespace("aws");
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        subsegment.putAws("operation", operation);
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        if (region != null) {
            subsegment.putAws("region", region.id());
        }
        for (ResourceTable.Field field : table.fieldsFor(service, operation).request) {
            ResourceValues.put(subsegment, field, request.getValueForField(field.member, Object.class).orElse(null));
        }
    }

    /** The call's own subsegment, or null when this interceptor does not record it. */
    static SdkCall callOwnedBy(Object owner, ExecutionAttributes attributes) {
        SdkCall call = attributes.getAttribute(SdkCall.ATTRIBUTE);
        return call != null && call.isOwnedBy(owner) ? call : null;
    }

    /** Adds the trace header; runs once per call, before the request is signed. */
    public static SdkHttpRequest modifyHttpRequest(Object owner, Context.ModifyHttpRequest context,
            ExecutionAttributes attributes) {
        SdkCall call = callOwnedBy(owner, attributes);
        if (call == null) {
            return context.httpRequest();
        }
        return context.httpRequest().toBuilder().putHeader(OutgoingTraceHeader.NAME, call.traceHeader).build();
    }

    public static void beforeTransmission(Object owner, ExecutionAttributes attributes) {
        SdkCall call = callOwnedBy(owner, attributes);
        if (call != null && call.subsegment != null) {
            call.attemptStarted(now());
        }
    }

    public static void afterTransmission(Object owner, Context.AfterTransmission context,
            ExecutionAttributes attributes) {
        SdkCall call = callOwnedBy(owner, attributes);
        if (call != null && call.subsegment != null) {
            call.attemptAnswered(context.httpResponse().statusCode(), now());
        }
    }

    static double now() {
        return System.currentTimeMillis() / 1000d;
    }
}
