package dev.xraytracing.faults.internal;

import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.Annotations;
import dev.xraytracing.internal.Metadata;
import dev.xraytracing.internal.Spans;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.log.WarnOnce;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Marks a fault in the trace: {@code FaultInjected}, {@code FaultRule} and {@code FaultMode} on the subsegment it hit
 * ({@code FaultDryRun} for a dry run), {@code FaultInjected} on the handler's subsegment (the topmost one), the
 * details in metadata namespace {@code fault}, and injected time as a child subsegment of its own.
 */
final class FaultRecording {
    static final String NAMESPACE = "fault";

    private FaultRecording() {
    }

    static void mark(Rule rule, Entity subsegment, String where, WarnOnce warnings) {
        if (subsegment == null) {
            warnings.warn("faults:untraced:" + rule.id, "fault rule '" + rule.id + "' "
                    + (rule.dryRun ? "would inject " : "injects ") + rule.modeName() + " into " + where
                    + " where nothing is traced");
            return;
        }
        try {
            String flag = rule.dryRun ? "FaultDryRun" : "FaultInjected";
            Annotations.put(subsegment, flag, true, warnings);
            Annotations.put(subsegment, "FaultRule", rule.id, warnings);
            Annotations.put(subsegment, "FaultMode", rule.modeName(), warnings);
            Metadata.put(subsegment, NAMESPACE, "injection", parameters(rule), warnings);
            Entity top = handlerOf(subsegment);
            if (top != subsegment) {
                Annotations.put(top, flag, true, warnings);
            }
        } catch (Throwable failure) {
            warnings.warn("faults:record:" + failure.getClass().getName(),
                    "could not record fault rule '" + rule.id + "' in the trace", failure);
        }
    }

    /** Every parameter of the rule that fired, as docs/fault-injection.md lists them. */
    static Map<String, Object> parameters(Rule rule) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", rule.id);
        details.put("target", rule.target());
        details.put("mode", rule.modeName());
        details.put("dryRun", rule.dryRun);
        details.put("percentage", rule.percentage);
        switch (rule.mode) {
            case LATENCY -> {
                if (rule.minMs == rule.maxMs) {
                    details.put("latencyMs", rule.minMs);
                } else {
                    details.put("minMs", rule.minMs);
                    details.put("maxMs", rule.maxMs);
                }
            }
            case EXCEPTION -> {
                details.put("exception", rule.exceptionType);
                details.put("message", rule.message);
                if (rule.kind == Rule.Kind.SDK) {
                    details.put("status", rule.status);
                }
            }
            case STATUS -> details.put("status", rule.status);
            case HTTP -> {
                details.put("status", rule.status);
                details.put("body", rule.body);
            }
            case TIMEOUT -> {
                // a timeout has no parameter of its own
            }
        }
        if (rule.errorCode != null) {
            details.put("errorCode", rule.errorCode);
        }
        if (rule.match != null) {
            details.put("match", rule.match.describe());
        }
        return details;
    }

    /** The topmost subsegment above {@code entity}: the handler's under Lambda, else the segment. */
    private static Entity handlerOf(Entity entity) {
        Entity current = entity;
        while (current instanceof Subsegment) {
            Entity parent = ((Subsegment) current).getParent();
            if (parent == null || Spans.isFacade(parent)) {
                return current;
            }
            current = parent;
        }
        return current instanceof Segment ? current : entity;
    }

    /** Sleeps {@code millis} in a child subsegment {@code FaultInjection <mode> <n> ms} of {@code parent}. */
    static void sleep(Rule rule, long millis, Entity parent, WarnOnce warnings) {
        Subsegment child = null;
        Entity current = ThreadLocalStorage.get();
        if (parent != null && !rule.dryRun) {
            try {
                child = Spans.openUnder(TracerCore.of(parent), parent, parent.getParentSegment(),
                        "FaultInjection " + rule.modeName() + " " + millis + " ms");
            } catch (Throwable failure) {
                warnings.warn("faults:child", "could not open the injected-time subsegment", failure);
            }
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            if (child != null) {
                Spans.close(child);
                ThreadLocalStorage.set(current);
            }
        }
    }
}
