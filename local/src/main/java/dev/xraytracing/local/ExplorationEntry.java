package dev.xraytracing.local;

import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.internal.TraceIds;

/**
 * How an exploration sends its entry once: an API request, a direct invocation, a message, a notification, events or
 * a schedule's firing. It sends with the trace header it is given, so that the exploration's fault rules, scoped to
 * that trace, hit this entry's work and no other traffic, and answers with a status: an API's answer; for a direct
 * invocation the Lambda service's status when it refused the call, and 502 for a function error, as API Gateway
 * does; for a producer's entry the service's answer (200 once it took the message; the id it gave is left out, each
 * message gets a new one). An asynchronous app's work goes
 * on after the answer: the exploration waits until the app is quiet before it judges the run.
 */
@FunctionalInterface
public interface ExplorationEntry {
    LocalPlatform.ApiResponse send(LocalPlatform platform, String traceHeader);

    /** A request to the platform's REST API stage. */
    static ExplorationEntry apiRequest(String method, String path, String body) {
        return (platform, traceHeader) -> platform.request(method, path, body, traceHeader);
    }

    /** A direct invocation of {@code function} with {@code payload}. */
    static ExplorationEntry invoke(String function, String payload) {
        return (platform, traceHeader) -> platform.invokeCounted(function, payload, traceHeader);
    }

    /** A message to a queue of the template (logical id, name, ARN or URL), as {@link LocalPlatform#sendMessage}. */
    static ExplorationEntry sendMessage(String queue, String body) {
        return (platform, traceHeader) -> withoutId(platform.sendMessage(queue, body, asProducer(traceHeader)));
    }

    /** A notification to a topic of the template, as {@link LocalPlatform#publish}. */
    static ExplorationEntry publish(String topic, String message) {
        return (platform, traceHeader) -> withoutId(platform.publish(topic, message, asProducer(traceHeader)));
    }

    /** Events on their buses, as {@link LocalPlatform#putEvents}. */
    static ExplorationEntry putEvents(String eventsJson) {
        return (platform, traceHeader) -> withoutId(platform.putEvents(eventsJson, asProducer(traceHeader)));
    }

    /**
     * A schedule's firing, as {@link LocalPlatform#fireSchedule}: it starts a trace of its own, as in AWS, so the
     * exploration's rules apply to the whole (fresh) environment. Answers 200.
     */
    static ExplorationEntry fireSchedule(String schedule) {
        return (platform, traceHeader) -> {
            platform.fireSchedule(schedule);
            return new LocalPlatform.ApiResponse(200, "fired", null);
        };
    }

    /**
     * The header a traced producer sends: its trace, with its own call's id as {@code Parent}, so that an SQS batch's
     * segment links to it (an X-Ray link names an entity). Null stays null.
     */
    private static String asProducer(String traceHeader) {
        if (traceHeader == null) {
            return null;
        }
        TraceHeader header = TraceHeader.parse(traceHeader);
        return header.parent() != null || header.root() == null ? traceHeader
                : TraceHeader.of(header.root(), TraceIds.newSegmentId(), true).toString();
    }

    private static LocalPlatform.ApiResponse withoutId(LocalPlatform.ApiResponse answer) {
        return answer.status() < 300 ? new LocalPlatform.ApiResponse(answer.status(), "", answer.traceHeader())
                : answer;
    }
}
