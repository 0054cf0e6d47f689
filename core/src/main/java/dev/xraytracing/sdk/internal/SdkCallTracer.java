package dev.xraytracing.sdk.internal;

import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.Spans;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.internal.TracerCore;
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

    /**
     * The tracer an SDK call on this thread records for: the one that created the caller's current entity, else the
     * thread's current tracer (a test's own, or the process-wide default).
     */
    public static TracerCore tracerOfCaller() {
        Entity caller = ThreadLocalStorage.get();
        return caller != null ? TracerCore.of(caller) : TracerCore.current();
    }

    public static void beforeExecution(Object owner, TracerCore core, Context.BeforeExecution context,
            ExecutionAttributes attributes) {
        if (attributes.getAttribute(SdkCall.ATTRIBUTE) != null
                || XRayInterceptorGuard.xrayTookTheCall(attributes, core.warnings())) {
            return;
        }
        Entity caller = ThreadLocalStorage.get();
        Entity parent = caller;
        if (parent == null) {
            String header = LambdaTraceHeader.current();
            if (header == null) {
                return;
            }
            if (!TraceHeader.parse(header).isSampled()) {
                // Unsampled invocation: pass its header on as it came, Lineage included, and record nothing.
                attributes.putAttribute(SdkCall.ATTRIBUTE, new SdkCall(owner, core, header, null));
                return;
            }
            parent = Spans.facadeForCurrentInvocation(core);
            if (parent == null) {
                return;
            }
        }
        Segment segment = parent.getParentSegment();
        String incoming = Spans.isFacade(segment) ? LambdaTraceHeader.current() : null;
        String root = segment.getTraceId().toString();
        if (!segment.isSampled()) {
            attributes.putAttribute(SdkCall.ATTRIBUTE,
                    new SdkCall(owner, core, outgoingHeader(incoming, root, parent.getId(), false), null));
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        ResourceTable table = ResourceTable.of(core);
        Subsegment subsegment = Spans.openCallUnder(core, parent, segment, table.subsegmentName(service));
        ThreadLocalStorage.set(caller);
        try {
            attributes.putAttribute(SdkCall.ATTRIBUTE,
                    new SdkCall(owner, core, outgoingHeader(incoming, root, subsegment.getId(), true), subsegment));
        } catch (RuntimeException failure) {
            // Without its attribute no later hook could close it: close it now, or the segment would never be sent.
            Spans.close(subsegment);
            ThreadLocalStorage.set(caller);
            throw failure;
        }
        try {
            describe(subsegment, context.request(), attributes, table, service);
        } catch (RuntimeException failure) {
            core.warnings().warn("sdk:describe:" + service, "could not read the request fields of a "
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

    /**
     * The {@code X-Amzn-Trace-Id} a call sends: Root, then Parent and Sampled for this call, then every other field of
     * the incoming header unchanged, in its order (X-Ray's own interceptor drops {@code Lineage}).
     *
     * @param incoming the header this invocation received (Lambda), or null under a segment of our own; its other
     *                 fields are kept only if it belongs to the same trace (a stale header of another invocation
     *                 must not leak its Lineage)
     */
    static String outgoingHeader(String incoming, String root, String parentId, boolean sampled) {
        TraceHeader received = incoming == null ? null : TraceHeader.parse(incoming);
        TraceHeader base = received != null && root.equals(received.root()) ? received : TraceHeader.of(root, null, sampled);
        return base.withParent(parentId, sampled).format();
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
        return context.httpRequest().toBuilder().putHeader(TraceHeader.NAME, call.traceHeader).build();
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
